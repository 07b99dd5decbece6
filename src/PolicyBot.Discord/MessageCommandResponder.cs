using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;

namespace PolicyBot.Discord;

/// <summary>
/// Answers a typed command (<c>!ask …</c>) as a Discord reply to the member's message. A message command has no private
/// channel on Discord: errors and private answers are posted in the channel too. One still running after
/// <see cref="DiscordOptions.InteractionDeferAfter"/> (an answer waiting for a language model) first gets a "Thinking…"
/// reply, which the pipeline has edited into the answer when it is ready.
/// </summary>
public sealed class MessageCommandResponder(DiscordPlatform platform, ConversationRef conversation, string? messageId, TimeSpan deferAfter) : IResponder
{
    public TimeSpan? AcknowledgeWithin => deferAfter;

    public bool HasPrivateReplies => false;

    public async Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken) =>
        ReplyLanding.At(await platform.PostAsync(conversation, reply, messageId, cancellationToken).ConfigureAwait(false));

    public async Task<MessageRef?> DeferAsync(CancellationToken cancellationToken) =>
        await platform.PostAsync(conversation, ProgressNotice.Thinking, messageId, cancellationToken).ConfigureAwait(false);

    public Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken) =>
        platform.UpdateAsync(notice, reply, cancellationToken);
}
