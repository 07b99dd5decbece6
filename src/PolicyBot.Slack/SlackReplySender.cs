using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;
using PolicyBot.Slack.BlockKit;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

/// <summary>Where an answer to a Slack request goes: the invoker, the channel, and the request's <c>response_url</c>.</summary>
public sealed record SlackReplyTarget(ConversationRef Conversation, string UserId, string? ResponseUrl);

/// <summary>
/// Chooses how an answer reaches Slack. Inline in the acknowledgement when it can; a late plain answer through the
/// request's <c>response_url</c>; an ephemeral one through <c>response_url</c> (or <c>chat.postEphemeral</c>); a tracked
/// card or one with files through <c>chat.postMessage</c>, so its <c>ts</c> is known (poll cards are edited later) and
/// charts are uploaded beside it. An answer that cannot be posted is not dropped silently: the member is told why,
/// privately, and the landing says so (the pipeline then withdraws what it stands for, a poll nobody could see).
/// </summary>
public sealed partial class SlackReplySender(SlackWebApiClient api, SlackPlatform platform, ILogger<SlackReplySender> logger)
{
    private static readonly byte[] InChannelAck = """{"response_type":"in_channel"}"""u8.ToArray();

    /// <summary>True when the whole answer fits in the acknowledgement: no files, nothing to edit later.</summary>
    public bool CanAnswerInline(Reply reply) =>
        reply.Attachments.IsEmpty && (reply.TrackingKey is null || !api.HasBotToken);

    public static byte[] InlineBody(Reply reply) => SlackMessageJson.ResponseBody(BlockKitRenderer.Render(reply));

    /// <summary>
    /// The acknowledgement to give when the answer is sent separately: for a channel answer, Slack shows the user's
    /// command in the channel too, so the answer has context.
    /// </summary>
    public static byte[]? AckBeforeSeparateAnswer(Reply reply) =>
        reply.Visibility == ReplyVisibility.Channel ? InChannelAck : null;

    /// <param name="privateByDefault">
    /// Button clicks: the answer ("your vote counted") is for the clicker only, unless it is a card meant to be
    /// tracked in the channel.
    /// </param>
    public async Task<ReplyLanding> DeliverAsync(SlackReplyTarget target, Reply reply, bool privateByDefault, CancellationToken cancellationToken)
    {
        var ephemeral = reply.Visibility == ReplyVisibility.OnlyInvoker || (privateByDefault && reply.TrackingKey is null);
        if (ephemeral)
        {
            await SendEphemeralAsync(target, reply with { Visibility = ReplyVisibility.OnlyInvoker }, cancellationToken).ConfigureAwait(false);
            return ReplyLanding.Unrecorded;
        }

        try
        {
            return await DeliverToChannelAsync(target, reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // TaskCanceledException without our token cancelled is the HTTP client's timeout.
            await TellMemberUndeliveredAsync(target, reply, ex is SlackApiException api ? api.Error : "unreachable", cancellationToken).ConfigureAwait(false);
            return ReplyLanding.NotDelivered;
        }
    }

    private async Task<ReplyLanding> DeliverToChannelAsync(SlackReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        if (target.ResponseUrl is not null && CanAnswerInline(reply))
        {
            // What would have been the inline answer, only later: response_url keeps it next to the user's command.
            await api.PostToResponseUrlAsync(new Uri(target.ResponseUrl), InlineBody(reply), cancellationToken).ConfigureAwait(false);
            return ReplyLanding.Unrecorded;
        }

        if (api.HasBotToken)
        {
            try
            {
                return ReplyLanding.At(await platform.PostAsync(target.Conversation, reply, cancellationToken).ConfigureAwait(false));
            }
            catch (SlackApiException ex) when (target.ResponseUrl is not null && ex.Error is "not_in_channel" or "channel_not_found")
            {
                // response_url works in channels the bot has not joined; chat.postMessage does not.
                LogFallingBackToResponseUrl(ex.Error, target.Conversation.ChannelId);
            }
        }

        if (target.ResponseUrl is null)
        {
            throw new SlackApiException("chat.postMessage", api.HasBotToken ? "no_response_url" : "no_bot_token");
        }

        if (reply.Attachments.Length > 0)
        {
            LogAttachmentsDropped(target.Conversation.ChannelId);
        }

        await api.PostToResponseUrlAsync(new Uri(target.ResponseUrl), InlineBody(reply), cancellationToken).ConfigureAwait(false);
        return ReplyLanding.Unrecorded;
    }

    /// <summary>The answer could not be posted: tell the member, privately (what it stands for is withdrawn by the pipeline).</summary>
    private async Task TellMemberUndeliveredAsync(SlackReplyTarget target, Reply reply, string error, CancellationToken cancellationToken)
    {
        LogPostFailed(error, target.Conversation.ChannelId);
        var invite = error is "not_in_channel" or "channel_not_found" ? " Invite me to the channel first, then try again." : " Please try again in a moment.";
        var notice = Reply.Error(reply.TrackingKey is null
            ? $"Sorry, I couldn't post my answer in this channel (Slack answered `{error}`).{invite}"
            : $"Sorry, I couldn't post that in this channel (Slack answered `{error}`), so it was not created.{invite}");
        try
        {
            await SendEphemeralAsync(target, notice, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            LogUndeliverable(target.Conversation.ChannelId);
        }
    }

    private async Task SendEphemeralAsync(SlackReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        var message = BlockKitRenderer.Render(reply);
        if (target.ResponseUrl is not null)
        {
            // replace_original:false: a click's answer must not overwrite the poll card it came from.
            await api.PostToResponseUrlAsync(new Uri(target.ResponseUrl), SlackMessageJson.ResponseBody(message, replaceOriginal: false), cancellationToken)
                .ConfigureAwait(false);
        }
        else if (api.HasBotToken)
        {
            await api.PostEphemeralAsync(target.Conversation.ChannelId, target.UserId, target.Conversation.ThreadId, message, cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            LogUndeliverable(target.Conversation.ChannelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "chat.postMessage refused ({Error}) in {Channel}; answering through response_url")]
    private partial void LogFallingBackToResponseUrl(string error, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer in Slack channel {Channel}: no way to reach the member there")]
    private partial void LogUndeliverable(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting an answer in Slack channel {Channel} failed ({Error}); telling the member and withdrawing what it created")]
    private partial void LogPostFailed(string error, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachments could not be sent to Slack channel {Channel} (no bot token); the answer went without them")]
    private partial void LogAttachmentsDropped(string channel);
}
