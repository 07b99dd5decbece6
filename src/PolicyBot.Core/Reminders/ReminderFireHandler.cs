using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// Posts a due reminder (job kind <see cref="ReminderJobs.FireKind"/>, key = reminder id) and then deletes it or, when
/// recurring, moves it to its next future time. The row's due time is the occurrence: if it is already later than the
/// job's, that occurrence was handled before a crash and is not posted again; the post itself goes out once through
/// <see cref="ScheduledPoster"/>.
/// </summary>
public sealed partial class ReminderFireHandler(
    IReminderStore reminders,
    ScheduledPoster poster,
    IOptions<RemindersOptions> options,
    CommandSyntax syntax,
    ILogger<ReminderFireHandler> logger,
    BotMetrics? metrics = null) : IDueJobHandler
{
    public string Kind => ReminderJobs.FireKind;

    public async Task<DueJobResult> HandleAsync(DueJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!long.TryParse(job.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await reminders.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } reminder)
        {
            return DueJobResult.Done; // cancelled meanwhile
        }

        if (reminder.DueAt > job.DueAt)
        {
            return DueJobResult.Reschedule(reminder.DueAt);
        }

        var zone = TimeZoneDirectory.TryFind(reminder.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;

        // After a long outage a recurring reminder answers for its latest missed occurrence only.
        var occurrence = reminder.Cron is null ? reminder.DueAt : RecurringSchedule.Latest(reminder.Cron, zone, reminder.DueAt, now);
        var lateness = now - occurrence;
        if (job.Posted)
        {
            LogAlreadyPosted(reminder.Id);
        }
        else if (LateNotice.IsTooLate(lateness, options.Value))
        {
            LogSkippedLate(reminder.Id, occurrence, lateness);
        }
        else if (await poster.PostAsync(job, reminder.Conversation, BuildReply(reminder, lateness), Headline(reminder), cancellationToken).ConfigureAwait(false)
                 == ScheduledPostOutcome.NoPlatform)
        {
            LogNoPlatform(reminder.Id, reminder.Conversation.Platform);
        }
        else
        {
            metrics?.ReminderFired(late: LateNotice.IsMarkedLate(lateness, options.Value));
            LogFired(reminder.Id, lateness);
        }

        var next = reminder.Cron is null ? null : RecurringSchedule.Next(reminder.Cron, zone, now > occurrence ? now : occurrence);
        if (next is null)
        {
            await reminders.DeleteAsync(reminder.Id, cancellationToken).ConfigureAwait(false);
            return DueJobResult.Done;
        }

        await reminders.MoveAsync(reminder.Id, reminder.DueAt, next.Value, cancellationToken).ConfigureAwait(false);
        return DueJobResult.Reschedule(next.Value);
    }

    /// <summary>
    /// The post: the owner's name and text with every mass or role mention defused. It pings its owner (the platform
    /// renders the ping from <see cref="Reply.NotifyUserId"/>) and nobody else.
    /// </summary>
    public Reply BuildReply(Reminder reminder, TimeSpan lateness)
    {
        var text = Headline(reminder);
        if (LateNotice.For(lateness, options.Value) is { } late)
        {
            text += "\n" + late;
        }

        var cancel = syntax.Of(reminder.Conversation.Platform, "cancel", reminder.Id.ToString(CultureInfo.InvariantCulture));
        return new Reply(text)
        {
            Mentions = MentionPolicy.None,
            NotifyUserId = reminder.OwnerId,
            Footer = reminder.Cron is null
                ? null
                : $"Repeats `{reminder.Cron}` ({reminder.TimeZoneId}) · `{cancel}` stops it",
        };
    }

    /// <summary>The post's first line, the same on every attempt: a retry may add a "late by" line its first attempt had not.</summary>
    public static string Headline(Reminder reminder) =>
        $"⏰ Reminder for **{MentionGuard.Defuse(reminder.OwnerName)}**: {MentionGuard.Defuse(reminder.Text)}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} fired (late by {Lateness})")]
    private partial void LogFired(long reminderId, TimeSpan lateness);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} was posted before a restart; finishing it without posting again")]
    private partial void LogAlreadyPosted(long reminderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} due at {DueAt} skipped: {Lateness} late is beyond the grace period")]
    private partial void LogSkippedLate(long reminderId, DateTimeOffset dueAt, TimeSpan lateness);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} skipped: no chat platform '{Platform}' is running")]
    private partial void LogNoPlatform(long reminderId, string platform);
}
