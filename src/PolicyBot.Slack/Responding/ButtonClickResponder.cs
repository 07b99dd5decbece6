using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;

namespace PolicyBot.Slack.Responding;

/// <summary>
/// Answers a button click: acknowledged once its command is done, so a vote is durable before Slack hears "200" (Slack
/// never resends an acknowledged click), or at the inline budget when it is still running. The answer goes to the
/// clicker, unless it is a card meant for the channel.
/// </summary>
public sealed class ButtonClickResponder(SlackReplySender sender, SlackReplyTarget target, TimeSpan inlineBudget) : IResponder
{
    public SlackAcknowledgement Acknowledgement { get; } = new();

    /// <summary>True when the click was acknowledged before its command was done.</summary>
    public bool Deferred { get; private set; }

    public TimeSpan? AcknowledgeWithin => inlineBudget;

    public bool HasPrivateReplies => true;

    public async Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken)
    {
        Acknowledgement.Give(SlackAck.Empty);
        return await sender.DeliverAsync(target, reply, privateByDefault: true, cancellationToken).ConfigureAwait(false);
    }

    public Task<MessageRef?> DeferAsync(CancellationToken cancellationToken)
    {
        Deferred = true;
        Acknowledgement.Give(SlackAck.Empty);
        return Task.FromResult<MessageRef?>(null);
    }

    public Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A click posts no notice to edit.");
}
