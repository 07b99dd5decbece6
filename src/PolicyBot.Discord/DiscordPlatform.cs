using PolicyBot.Core.Chat;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

/// <summary>
/// Sends to Discord: replies, scheduled posts and poll-card edits (coalesced by the poll feature, not here). A post
/// returns where it landed. A thread is a channel on Discord, so the thread id wins.
/// </summary>
public sealed class DiscordPlatform(DiscordRestClient rest) : IChatPlatform
{
    public string Name => Platforms.Discord;

    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken) =>
        PostAsync(conversation, reply, replyToMessageId: null, cancellationToken);

    /// <summary>The job's key is the message nonce (enforced), so Discord answers a retry with the message already made.</summary>
    public Task<MessageRef> PostOnceAsync(ConversationRef conversation, Reply reply, PostOnce once, CancellationToken cancellationToken) =>
        PostAsync(conversation, reply, replyToMessageId: null, once.Key, cancellationToken);

    /// <summary>Posts a reply; for message commands as a Discord reply to the user's message (without pinging them).</summary>
    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, string? replyToMessageId, CancellationToken cancellationToken) =>
        PostAsync(conversation, reply, replyToMessageId, nonce: null, cancellationToken);

    private async Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, string? replyToMessageId, string? nonce, CancellationToken cancellationToken)
    {
        EnsureOurs(conversation);
        var message = DiscordRenderer.Render(reply, replyTo: replyToMessageId);
        if (nonce is not null)
        {
            message = message with { Payload = message.Payload with { Nonce = nonce } };
        }

        var id = await rest.CreateMessageAsync(ChannelOf(conversation), message, cancellationToken).ConfigureAwait(false);
        return new MessageRef(conversation, id);
    }

    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        EnsureOurs(message.Conversation);
        return rest.EditMessageAsync(ChannelOf(message.Conversation), message.MessageId, DiscordRenderer.Render(reply, forEdit: true), cancellationToken);
    }

    private static string ChannelOf(ConversationRef conversation) => conversation.ThreadId ?? conversation.ChannelId;

    private static void EnsureOurs(ConversationRef conversation)
    {
        if (!string.Equals(conversation.Platform, Platforms.Discord, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Conversation {conversation} is not a Discord conversation.", nameof(conversation));
        }
    }
}
