using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;

namespace PolicyBot.ConsoleAdapter;

/// <summary>Answers a console line by printing: the console has no deadline, so the answer is simply awaited.</summary>
public sealed class ConsoleResponder(ConsolePlatform platform, ConversationRef conversation) : IResponder
{
    public TimeSpan? AcknowledgeWithin => null;

    public bool HasPrivateReplies => true;

    public async Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken) =>
        ReplyLanding.At(await platform.PostAsync(conversation, reply, cancellationToken).ConfigureAwait(false));

    public async Task<MessageRef?> DeferAsync(CancellationToken cancellationToken) =>
        await platform.PostAsync(conversation, ProgressNotice.Thinking, cancellationToken).ConfigureAwait(false);

    public Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken) =>
        platform.UpdateAsync(notice, reply, cancellationToken);
}
