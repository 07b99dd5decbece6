using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack.Responding;

/// <summary>
/// Answers a mention in its thread. An answer still being worked on after the inline budget (one waiting for a language
/// model) first shows a "Thinking…" message in the thread, which <c>chat.update</c> turns into the answer when it is
/// ready; an answer that cannot replace it (private, or with files) is delivered as usual and the notice says so.
/// Without a bot token there is no notice: the answer is simply awaited.
/// </summary>
public sealed partial class SlackMentionResponder(
    SlackReplySender sender,
    SlackPlatform platform,
    SlackReplyTarget target,
    TimeSpan? noticeAfter,
    ILogger logger) : IResponder
{
    public TimeSpan? AcknowledgeWithin => noticeAfter;

    public bool HasPrivateReplies => true;

    public Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken) =>
        sender.DeliverAsync(target, reply, privateByDefault: false, cancellationToken);

    public async Task<MessageRef?> DeferAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await platform.PostAsync(target.Conversation, ProgressNotice.Thinking, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The answer itself still goes out; it just had no notice before it.
            LogNoticeFailed(logger, target.Conversation.ChannelId, ex is SlackApiException slack ? slack.Error : "unreachable");
            return null;
        }
    }

    public Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken) =>
        platform.UpdateAsync(notice, reply, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The \"thinking\" notice in Slack channel {Channel} could not be posted ({Error})")]
    private static partial void LogNoticeFailed(ILogger logger, string channel, string error);
}
