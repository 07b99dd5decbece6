namespace PolicyBot.Core.Reminders;

/// <summary>What <c>remind</c> asked for: the first firing, an optional repeat rule, the zone it was meant in, and the text.</summary>
public sealed record ReminderSchedule(DateTimeOffset FirstDueAt, string? Cron, TimeZoneInfo Zone, string Text);
