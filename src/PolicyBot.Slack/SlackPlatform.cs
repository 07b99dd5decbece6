using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.BlockKit;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

/// <summary>
/// Sends into Slack: scheduled posts, poll cards (edited later with <c>chat.update</c>), follow-ups. A post returns
/// where it landed (its <c>ts</c>).
/// </summary>
public sealed partial class SlackPlatform(SlackWebApiClient api, ILogger<SlackPlatform> logger) : IChatPlatform
{
    public string Name => Platforms.Slack;

    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken) =>
        PostAsync(conversation, reply, postKey: null, cancellationToken);

    /// <summary>
    /// The key rides in the message's metadata. On a retry (an earlier attempt may have posted before it died) the
    /// channel's recent history is searched for it first, and a message found there is the post.
    /// </summary>
    public async Task<MessageRef> PostOnceAsync(ConversationRef conversation, Reply reply, PostOnce once, CancellationToken cancellationToken)
    {
        if (once.MayAlreadyExist && await FindPostAsync(conversation, once, cancellationToken).ConfigureAwait(false) is { } ts)
        {
            LogFoundEarlierPost(conversation.ChannelId, ts);
            return new MessageRef(conversation, ts);
        }

        return await PostAsync(conversation, reply, once.Key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> FindPostAsync(ConversationRef conversation, PostOnce once, CancellationToken cancellationToken)
    {
        try
        {
            return await api.FindPostAsync(conversation.ChannelId, conversation.ThreadId, once.Key, once.NotBefore, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is not "ratelimited")
        {
            // Without the history scopes (or access to the channel) we cannot look; losing the post is worse than a repeat.
            LogHistoryUnavailable(ex.Error, conversation.ChannelId);
            return null;
        }
    }

    private async Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, string? postKey, CancellationToken cancellationToken)
    {
        // A proactive post has no invoker to whisper to, so it always goes to the channel.
        var message = BlockKitRenderer.Render(reply with { Visibility = ReplyVisibility.Channel });
        var ts = await api.PostMessageAsync(conversation.ChannelId, conversation.ThreadId, message, postKey, cancellationToken).ConfigureAwait(false);
        var posted = new MessageRef(conversation, ts);

        foreach (var attachment in reply.Attachments)
        {
            try
            {
                await api.UploadFileAsync(conversation.ChannelId, conversation.ThreadId, attachment, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
            {
                // The message itself is posted; failing the whole send would make a retrying caller post it twice.
                LogUploadFailed(ex, attachment.FileName, conversation.ChannelId);
            }
        }

        return posted;
    }

    public async Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.Attachments.Length > 0)
        {
            // chat.update cannot add files; a changed chart is posted as a new message by whoever owns it.
            LogAttachmentsIgnored(message.MessageId);
        }

        var rendered = BlockKitRenderer.Render(reply with { Visibility = ReplyVisibility.Channel });
        await api.UpdateMessageAsync(message.Conversation.ChannelId, message.MessageId, rendered, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A retried post was already in Slack channel {Channel} ({Ts}); not posting it again")]
    private partial void LogFoundEarlierPost(string channel, string ts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read Slack channel {Channel}'s history to check for an earlier post ({Error}); posting (may repeat). Give the app channels:history and groups:history")]
    private partial void LogHistoryUnavailable(string error, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading {FileName} to Slack channel {Channel} failed; the message was posted without it")]
    private partial void LogUploadFailed(Exception exception, string fileName, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attachments on an update of Slack message {Ts} are not sent (chat.update takes no files)")]
    private partial void LogAttachmentsIgnored(string ts);
}
