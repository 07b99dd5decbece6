using Microsoft.Extensions.Logging;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Runs the <c>poll.close</c> due job: closes the poll at its closing time and posts the final result (text bars and chart)
/// to the poll's channel. Safe to run twice: the close happens once, and the result goes out once through
/// <see cref="ScheduledPoster"/> (the job records the post before the poll is marked), so a crash anywhere in between
/// neither repeats nor loses it.
/// </summary>
public sealed partial class PollCloseJobHandler(PollService polls, ScheduledPoster poster, ILogger<PollCloseJobHandler> logger) : IDueJobHandler
{
    public string Kind => PollService.CloseJobKind;

    public async Task<DueJobResult> HandleAsync(DueJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pollId = CloseJobPayload.TryReadPollId(job.Payload, job.Key);
        var poll = pollId is null ? null : await polls.GetAsync(pollId.Value, cancellationToken).ConfigureAwait(false);
        if (poll is null)
        {
            LogPollMissing(job.Key);
            return DueJobResult.Done;
        }

        if (poll.ClosedAt is null)
        {
            // Votes were refused from the closing time on, so that is when the poll closed, even if the job runs late.
            var closedAt = poll.ClosesAt is { } closesAt && closesAt < now ? closesAt : now;
            await polls.CloseAsync(poll, closedAt, cancelAutoClose: false, cancellationToken).ConfigureAwait(false);
            poll = await polls.GetAsync(poll.Id, cancellationToken).ConfigureAwait(false) ?? poll;
        }

        if (poll.ResultsPosted)
        {
            return DueJobResult.Done;
        }

        if (!job.Posted)
        {
            var tally = await polls.TallyAsync(poll, cancellationToken).ConfigureAwait(false);
            var reply = PollResults.Render(poll, tally, now, withChart: true);
            if (await poster.PostAsync(job, poll.Conversation, reply, cancellationToken).ConfigureAwait(false) == ScheduledPostOutcome.NoPlatform)
            {
                LogPlatformMissing(poll.Id, poll.Conversation.Platform);
                return DueJobResult.Done;
            }
        }

        await polls.MarkResultsPostedAsync(poll, cancellationToken).ConfigureAwait(false);
        return DueJobResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-close job {Key} names no existing poll; dropping it")]
    private partial void LogPollMissing(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollId} closed, but its platform {Platform} is not running; the final result was not posted")]
    private partial void LogPlatformMissing(long pollId, string platform);
}
