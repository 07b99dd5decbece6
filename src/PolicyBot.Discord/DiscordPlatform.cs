using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

/// <summary>
/// Proactive sends to Discord: scheduled posts and poll-card edits. Edits of one message are coalesced
/// (<see cref="DiscordOptions.MinMessageEditInterval"/>). A thread is a channel on Discord, so the thread id wins.
/// </summary>
public sealed class DiscordPlatform(DiscordRestClient rest, TimeProvider timeProvider, IOptions<DiscordOptions> options) : IChatPlatform
{
    private readonly MessageEditCoalescer _edits = new(timeProvider, options.Value.MinMessageEditInterval);

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
        var channelId = ChannelOf(message.Conversation);
        return _edits.EditAsync(
            $"{channelId}/{message.MessageId}",
            reply,
            (latest, ct) => rest.EditMessageAsync(channelId, message.MessageId, DiscordRenderer.Render(latest, forEdit: true), ct),
            cancellationToken);
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
