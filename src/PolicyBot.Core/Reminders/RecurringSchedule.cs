using Cronos;

namespace PolicyBot.Core.Reminders;

/// <summary>Cron arithmetic in a zone (Cronos keeps 09:00 at 09:00 local across daylight-saving changes).</summary>
public static class RecurringSchedule
{
    /// <summary>The next occurrence strictly after <paramref name="after"/>; null when the expression never comes round again.</summary>
    public static DateTimeOffset? Next(string cron, TimeZoneInfo zone, DateTimeOffset after) =>
        CronExpression.Parse(cron, CronFormat.Standard).GetNextOccurrence(after, zone);

    /// <summary>The latest occurrence in [<paramref name="from"/>, <paramref name="to"/>]; <paramref name="from"/> itself when none later.</summary>
    public static DateTimeOffset Latest(string cron, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var previous = CronExpression.Parse(cron, CronFormat.Standard).GetPreviousOccurrence(to, zone, true);
        return previous is { } p && p > from ? p : from;
    }
}
