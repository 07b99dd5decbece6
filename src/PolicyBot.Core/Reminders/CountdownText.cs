using System.Globalization;

namespace PolicyBot.Core.Reminders;

/// <summary>How long until, how long ago, and a due time as people read it ("Tue 31 Dec, 23:59 KST").</summary>
public static class CountdownText
{
    /// <summary>"12 days", "1 day 5 hours", "3 hours", "1 hour 20 minutes", "45 minutes", "less than a minute".</summary>
    public static string Until(TimeSpan remaining)
    {
        // Whole minutes, rounded: a post fired a few milliseconds after "7 days before" still says 7 days.
        var minutes = (long)Math.Round(Math.Max(0, remaining.TotalMinutes));
        return minutes switch
        {
            >= 2 * 1440 => Plural(minutes / 1440, "day"),
            >= 1440 => Compound(1, "day", (minutes % 1440) / 60, "hour"),
            >= 120 => Plural(minutes / 60, "hour"),
            >= 60 => Compound(1, "hour", minutes % 60, "minute"),
            >= 1 => Plural(minutes, "minute"),
            _ => "less than a minute",
        };
    }

    /// <summary>"6 years ago", "3 months ago", "2 days ago", "5 hours ago", "12 minutes ago", "just now".</summary>
    public static string Ago(TimeSpan elapsed)
    {
        var minutes = (long)Math.Max(0, elapsed.TotalMinutes);
        var days = minutes / 1440;
        return (days, minutes) switch
        {
            ( >= 365, _) => Plural(days / 365, "year") + " ago",
            ( >= 60, _) => Plural(days / 30, "month") + " ago",
            ( >= 1, _) => Plural(days, "day") + " ago",
            (_, >= 60) => Plural(minutes / 60, "hour") + " ago",
            (_, >= 1) => Plural(minutes, "minute") + " ago",
            _ => "just now",
        };
    }

    /// <summary>"Tue 31 Dec, 23:59 KST"; the year is added when it is not the current one.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneDirectory.InZone(instant, zone);
        var sameYear = local.Year == TimeZoneDirectory.InZone(now, zone).Year;
        var date = local.ToString(sameYear ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture);
        return $"{date}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)} {TimeZoneDirectory.Label(zone, instant)}";
    }

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Plural(long count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    private static string Compound(long first, string firstUnit, long second, string secondUnit) =>
        second == 0 ? Plural(first, firstUnit) : $"{Plural(first, firstUnit)} {Plural(second, secondUnit)}";
}
