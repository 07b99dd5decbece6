using PolicyBot.Core.Commands;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Reminders;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Reads a poll's <c>--closes</c> value: a duration (<c>90m</c>, <c>2h</c>, <c>3d</c>, <c>1w</c>, <c>1d12h</c>) or a date and
/// time with an optional zone (<c>2026-12-31 18:00 Europe/Berlin</c>, <c>2026-12-31 18:00 +01:00</c>; UTC when none is given).
/// Every value is bounded before it is used (<see cref="PollLimits.MinOpenDuration"/> to <see cref="PollLimits.MaxOpenDuration"/>),
/// and each refusal says what is wrong. The reminders feature has the richer natural-language parser.
/// </summary>
public static partial class ClosingTimeParser
{
    // A closing time is at most 366 days ahead, so any real date shown here would soon be past or too far: the date
    // form is shown as its format.
    public const string Examples = "`2h`, `3d`, `1d12h` or a date and time like `YYYY-MM-DD 18:00 Europe/Berlin`";

    public static Parsed<DateTimeOffset> Parse(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Parsed<DateTimeOffset>.Fail($"`--closes` needs a time, e.g. {Examples}.");
        }

        var shown = MentionGuard.Defuse(trimmed.Length > 60 ? trimmed[..60] + "…" : trimmed);
        if (DurationText.TryParseCompact(trimmed.Replace(" ", string.Empty, StringComparison.Ordinal), out var duration))
        {
            // Compared as a duration: adding a huge one to now would overflow.
            return duration > PollLimits.MaxOpenDuration ? TooFar(shown)
                : duration < PollLimits.MinOpenDuration ? TooSoon(shown)
                : Parsed<DateTimeOffset>.Ok(now + duration);
        }

        var absolute = ParseDateTime(trimmed, shown, now);
        if (!absolute.Succeeded)
        {
            return absolute;
        }

        return absolute.Value - now > PollLimits.MaxOpenDuration ? TooFar(shown)
            : absolute.Value - now < PollLimits.MinOpenDuration ? TooSoon(shown)
            : absolute;
    }

    /// <summary>True for a word that names a zone or an offset, so it belongs to the closing time before it.</summary>
    public static bool LooksLikeZone(string word) => TimeZoneDirectory.LooksLikeZone(word) || word == "Z" || Offset().IsMatch(word);

    private static Parsed<DateTimeOffset> ParseDateTime(string text, string shown, DateTimeOffset now)
    {
        var match = DateTimeWithZone().Match(text);
        if (!match.Success)
        {
            return Parsed<DateTimeOffset>.Fail($"I can't read the closing time `{shown}`. Try {Examples}.");
        }

        var dateText = match.Groups["date"].Value;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Parsed<DateTimeOffset>.Fail($"`{dateText}` is not a real date.");
        }

        if (!ClockTime.TryRead(match.Groups["time"].Value, out var time, out var timeError))
        {
            return Parsed<DateTimeOffset>.Fail(timeError ?? $"I can't read the closing time `{shown}`. Try {Examples}.");
        }

        // Checked before any conversion: a date near year 1 or 9999 cannot be moved between time zones. A day either
        // side covers every zone's offset from UTC.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (date > today.AddDays((int)PollLimits.MaxOpenDuration.TotalDays + 1))
        {
            return TooFar(shown);
        }

        if (date < today.AddDays(-1))
        {
            return TooSoon(shown);
        }

        var local = date.ToDateTime(time);
        var zoneText = match.Groups["zone"].Value;
        if (zoneText.Length == 0 || zoneText.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zoneText == "Z")
        {
            return Parsed<DateTimeOffset>.Ok(new DateTimeOffset(local, TimeSpan.Zero));
        }

        if (zoneText[0] is '+' or '-')
        {
            return TimeSpan.TryParseExact(zoneText[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset) && offset <= TimeSpan.FromHours(14)
                ? Parsed<DateTimeOffset>.Ok(new DateTimeOffset(local, zoneText[0] == '-' ? -offset : offset))
                : Parsed<DateTimeOffset>.Fail($"`{zoneText}` is not a UTC offset; write it like `+01:00` (at most 14 hours).");
        }

        if (!TimeZoneDirectory.TryFind(zoneText, out var zone))
        {
            return Parsed<DateTimeOffset>.Fail(ReminderTimeParser.UnknownZone(zoneText));
        }

        if (zone.IsInvalidTime(local))
        {
            return Parsed<DateTimeOffset>.Fail($"{dateText} {match.Groups["time"].Value} does not exist in {zone.Id} (the clocks skip it); pick another time.");
        }

        return Parsed<DateTimeOffset>.Ok(TimeZoneDirectory.ToInstant(local, zone));
    }

    private static Parsed<DateTimeOffset> TooFar(string shown) =>
        Parsed<DateTimeOffset>.Fail($"A poll can stay open for at most {PollLimits.MaxOpenDuration.TotalDays:0} days; `{shown}` is further away.");

    private static Parsed<DateTimeOffset> TooSoon(string shown) =>
        Parsed<DateTimeOffset>.Fail($"The closing time `{shown}` is in the past or less than a minute away; a poll stays open at least a minute.");

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[ T](?<time>\d{1,2}:\d{1,9})(?:\s+(?<zone>[A-Za-z][A-Za-z0-9_+\-/]*|[+-]\d{2}:\d{2}|Z))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithZone();

    [GeneratedRegex(@"^[+-]\d{1,2}:?\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();
}
