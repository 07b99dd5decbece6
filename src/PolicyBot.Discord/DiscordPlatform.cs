using System.Net;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

/// <summary>
/// Sends to Discord: replies, scheduled posts and poll-card edits (coalesced by the poll feature, not here). A post
/// returns where it landed. A thread is a channel on Discord, so the thread id wins.
/// </summary>
public sealed partial class DiscordPlatform(DiscordRestClient rest, DiscordBotIdentity identity, ILogger<DiscordPlatform> logger) : IChatPlatform
{
    public string Name => Platforms.Discord;

    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken) =>
        PostAsync(conversation, reply, replyToMessageId: null, cancellationToken);

    /// <summary>
    /// The job's key is the message nonce (enforced), so Discord answers a retry within its nonce window (a few minutes)
    /// with the message already made. On a retry (an earlier attempt may have posted before it died) the channel's
    /// messages since the due time are searched first for one the bot wrote that reads the same, and a message found
    /// there is the post: that also covers a retry later than the nonce window.
    /// </summary>
    public async Task<MessageRef> PostOnceAsync(ConversationRef conversation, Reply reply, PostOnce once, CancellationToken cancellationToken)
    {
        EnsureOurs(conversation);
        var message = DiscordRenderer.Render(reply);
        if (once.MayAlreadyExist && await FindPostAsync(conversation, Recognisable(reply, message, once), once, cancellationToken).ConfigureAwait(false) is { } id)
        {
            LogFoundEarlierPost(ChannelOf(conversation), id);
            return new MessageRef(conversation, id);
        }

        return await CreateAsync(conversation, message with { Payload = message.Payload with { Nonce = once.Key } }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a reply; for message commands as a Discord reply to the user's message (without pinging them).</summary>
    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, string? replyToMessageId, CancellationToken cancellationToken)
    {
        EnsureOurs(conversation);
        return CreateAsync(conversation, DiscordRenderer.Render(reply, replyTo: replyToMessageId), cancellationToken);
    }

    // A post whose later lines may differ between attempts is known by its opening, rendered as the post is.
    private static MessagePayload Recognisable(Reply reply, RenderedMessage message, PostOnce once) =>
        once.Opening is null ? message.Payload : DiscordRenderer.Render(reply with { Text = once.Opening }).Payload;

    private async Task<string?> FindPostAsync(ConversationRef conversation, MessagePayload post, PostOnce once, CancellationToken cancellationToken)
    {
        var channel = ChannelOf(conversation);
        try
        {
            var self = identity.UserId;
            if (self is null)
            {
                // A retry is often the first thing a restarted instance does, before the gateway's READY names the bot.
                self = await rest.GetCurrentUserIdAsync(cancellationToken).ConfigureAwait(false);
                identity.OnCurrentUser(self);
            }

            return await rest.FindPostAsync(channel, self, post, once.NotBefore, openingOnly: once.Opening is not null, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.Status is not HttpStatusCode.TooManyRequests)
        {
            // Without Read Message History (or access to the channel) we cannot look; losing the post is worse than a
            // repeat. Rate limiting is not a reason to post blind: the job fails, backs off and looks again.
            LogHistoryUnavailable((int)ex.Status, ex.DiscordCode, channel);
            return null;
        }
    }

    private async Task<MessageRef> CreateAsync(ConversationRef conversation, RenderedMessage message, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "A retried post was already in Discord channel {Channel} ({MessageId}); not posting it again")]
    private partial void LogFoundEarlierPost(string channel, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read Discord channel {Channel}'s messages to check for an earlier post ({Status} code {Code}); posting (may repeat). Give the bot Read Message History")]
    private partial void LogHistoryUnavailable(int status, int code, string channel);
}
