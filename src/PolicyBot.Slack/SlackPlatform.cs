using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.BlockKit;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

/// <summary>
/// Proactive sends into Slack: scheduled posts, poll cards (edited later with <c>chat.update</c>), follow-ups.
/// A tracked reply is reported to <see cref="PostedMessageTracker"/> once Slack gives us its <c>ts</c>.
/// </summary>
public sealed partial class SlackPlatform(SlackWebApiClient api, PostedMessageTracker tracker, ILogger<SlackPlatform> logger) : IChatPlatform
{
    public string Name => Platforms.Slack;

    public async Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken)
    {
        // A proactive post has no invoker to whisper to, so it always goes to the channel.
        var message = BlockKitRenderer.Render(reply with { Visibility = ReplyVisibility.Channel });
        var ts = await api.PostMessageAsync(conversation.ChannelId, conversation.ThreadId, message, cancellationToken).ConfigureAwait(false);
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

        await tracker.NotifyAsync(reply, posted, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading {FileName} to Slack channel {Channel} failed; the message was posted without it")]
    private partial void LogUploadFailed(Exception exception, string fileName, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attachments on an update of Slack message {Ts} are not sent (chat.update takes no files)")]
    private partial void LogAttachmentsIgnored(string ts);
}
