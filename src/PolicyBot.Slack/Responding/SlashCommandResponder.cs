using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;

namespace PolicyBot.Slack.Responding;

/// <summary>
/// Answers a slash command: inside the acknowledgement when the answer is ready within the inline budget and fits there
/// (no files, nothing to edit later); otherwise the acknowledgement goes first (with the member's command shown in the
/// channel for a channel answer) and the answer follows. A late answer is preceded by a private "Thinking…".
/// </summary>
/// <param name="inlineAllowed">False when the transport cannot carry an answer in the acknowledgement.</param>
public sealed class SlashCommandResponder(SlackReplySender sender, SlackReplyTarget target, bool inlineAllowed, TimeSpan inlineBudget) : IResponder
{
    private bool _deferred;

    public SlackAcknowledgement Acknowledgement { get; } = new();

    public TimeSpan? AcknowledgeWithin => inlineBudget;

    public bool HasPrivateReplies => true;

    public async Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (!_deferred)
        {
            if (inlineAllowed && sender.CanAnswerInline(reply))
            {
                Acknowledgement.Give(new SlackAck(SlackReplySender.InlineBody(reply)));
                return ReplyLanding.Unrecorded;
            }

            Acknowledgement.Give(new SlackAck(inlineAllowed ? SlackReplySender.AckBeforeSeparateAnswer(reply) : null));
        }

        return await sender.DeliverAsync(target, reply, privateByDefault: false, cancellationToken).ConfigureAwait(false);
    }

    public Task<MessageRef?> DeferAsync(CancellationToken cancellationToken)
    {
        _deferred = true;

        // Only the member sees it; the answer follows through response_url.
        Acknowledgement.Give(inlineAllowed
            ? new SlackAck(SlackReplySender.InlineBody(ProgressNotice.Thinking with { Visibility = ReplyVisibility.OnlyInvoker }))
            : SlackAck.Empty);
        return Task.FromResult<MessageRef?>(null);
    }

    public Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A slash command's notice is ephemeral and is not edited.");
}
