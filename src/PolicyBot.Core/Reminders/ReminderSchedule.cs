namespace PolicyBot.Core.Reminders;

/// <summary>What <c>remind</c> asked for: the first firing, an optional repeat rule, the zone it was meant in, and the text.</summary>
public sealed record ReminderSchedule(DateTimeOffset FirstDueAt, string? Cron, TimeZoneInfo Zone, string Text);

/// <summary>A parsed <see cref="ReminderSchedule"/>, or a polite explanation of what was wrong.</summary>
/// <param name="ShowExamples">The time could not be read at all: the reply should show examples.</param>
public sealed record ReminderParseResult(ReminderSchedule? Schedule, string? Error, bool ShowExamples = false)
{
    public static ReminderParseResult Ok(ReminderSchedule schedule) => new(schedule, null);

    public static ReminderParseResult Fail(string error, bool showExamples = false) => new(null, error, showExamples);
}
