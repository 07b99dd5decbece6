using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// Posts a deadline's countdown (or its one "passed" post) to one channel, then, for a cron schedule, adds the next
/// cron post. Posts for a deadline that was removed or moved in config are dropped. The post goes out once through
/// <see cref="ScheduledPoster"/>.
/// </summary>
public sealed partial class DeadlinePostHandler(
    DeadlineCatalog deadlines,
    IDueJobStore jobs,
    ScheduledPoster poster,
    IOptions<RemindersOptions> options,
    ILogger<DeadlinePostHandler> logger,
    BotMetrics? metrics = null) : IDueJobHandler
{
    public string Kind => ReminderJobs.DeadlinePostKind;

    public async Task<DueJobResult> HandleAsync(DueJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var post = DeadlinePost.FromPayload(job.Payload, job.DueAt);
        var deadline = post is null ? null : deadlines.Find(post.Deadline);
        if (post is null || deadline is null || deadline.DueAt != post.DeadlineDueAt)
        {
            LogStale(job.Key);
            return DueJobResult.Done;
        }

        var lateness = now - job.DueAt;
        if (job.Posted)
        {
            LogAlreadyPosted(job.Key);
        }
        else if (LateNotice.IsTooLate(lateness, options.Value))
        {
            LogSkippedLate(job.Key, lateness);
        }
        else if (await poster.PostAsync(job, post.Channel, BuildReply(deadline, post, now, lateness), cancellationToken).ConfigureAwait(false)
                 == ScheduledPostOutcome.NoPlatform)
        {
            LogNoPlatform(job.Key, post.Channel.Platform);
        }
        else
        {
            metrics?.ReminderFired(late: LateNotice.IsMarkedLate(lateness, options.Value));
        }

        if (post.Occurrence == DeadlinePost.Cron && DeadlinePost.NextCron(deadline, now > job.DueAt ? now : job.DueAt, post.Channel) is { } next)
        {
            await jobs.ScheduleIfAbsentAsync(Kind, next.Key, next.ToPayload(), next.At, cancellationToken).ConfigureAwait(false);
        }

        return DueJobResult.Done;
    }

    /// <summary>The countdown or "passed" text; it pings everyone only when an admin configured the deadline so.</summary>
    public Reply BuildReply(Deadline deadline, DeadlinePost post, DateTimeOffset now, TimeSpan lateness)
    {
        var text = post.Occurrence == DeadlinePost.Passed ? deadline.PassedText(now) : deadline.CountdownText(now);
        if (LateNotice.For(lateness, options.Value) is { } late)
        {
            text += "\n" + late;
        }

        return deadline.MentionEveryone
            ? new Reply("@everyone " + text) { Mentions = MentionPolicy.Everyone }
            : new Reply(MentionGuard.Defuse(text)) { Mentions = MentionPolicy.None };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline post {Key} dropped: the deadline is no longer configured that way")]
    private partial void LogStale(string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline post {Key} was posted before a restart; finishing it without posting again")]
    private partial void LogAlreadyPosted(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline post {Key} skipped: {Lateness} late is beyond the grace period")]
    private partial void LogSkippedLate(string key, TimeSpan lateness);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline post {Key} skipped: no chat platform '{Platform}' is running")]
    private partial void LogNoPlatform(string key, string platform);
}
