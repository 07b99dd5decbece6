using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

/// <summary>
/// Answers a mention in its thread. An answer still being worked on after <see cref="SlackOptions.InlineReplyBudget"/>
/// (one waiting for a language model) first shows a "Thinking…" message in the thread, which <c>chat.update</c> turns
/// into the answer when it is ready; an answer that cannot replace it (private, or with files) is delivered as usual
/// and the notice says so.
/// </summary>
public sealed partial class SlackMentionResponder(
    SlackReplySender sender,
    SlackPlatform platform,
    SlackWebApiClient api,
    PostedMessageTracker tracker,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackMentionResponder> logger)
{
    public async Task RespondAsync(Task<CommandOutcome> outcome, SlackReplyTarget target, CancellationToken cancellationToken)
    {
        var budget = options.Value.InlineReplyBudget;
        var notice = api.HasBotToken && !await ProgressNotice.FinishesWithinAsync(outcome, budget, clock, cancellationToken).ConfigureAwait(false)
            ? await TryPostNoticeAsync(target.Conversation, cancellationToken).ConfigureAwait(false)
            : null;
        if ((await outcome.ConfigureAwait(false)).Reply is not { } reply)
        {
            return;
        }

        if (notice is not null && ProgressNotice.CanBecome(reply) && await TryReplaceAsync(notice, reply, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await sender.DeliverAsync(target, reply, privateByDefault: false, cancellationToken).ConfigureAwait(false);
        if (notice is not null)
        {
            await TryReplaceAsync(notice, ProgressNotice.AnsweredElsewhere, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MessageRef?> TryPostNoticeAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        try
        {
            return await platform.PostAsync(conversation, ProgressNotice.Thinking, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The answer itself still goes out; it just had no notice before it.
            LogNoticeFailed(conversation.ChannelId, ex is SlackApiException slack ? slack.Error : "unreachable");
            return null;
        }
    }

    private async Task<bool> TryReplaceAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await platform.UpdateAsync(notice, reply, cancellationToken).ConfigureAwait(false);
            await tracker.NotifyAsync(reply, notice, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            LogNoticeFailed(notice.Conversation.ChannelId, ex is SlackApiException slack ? slack.Error : "unreachable");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The \"thinking\" notice in Slack channel {Channel} could not be posted or edited ({Error})")]
    private partial void LogNoticeFailed(string channel, string error);
}
