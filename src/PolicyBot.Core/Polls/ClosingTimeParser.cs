using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Reads a poll's <c>--closes</c> value: a duration (<c>90m</c>, <c>2h</c>, <c>3d</c>, <c>1w</c>, <c>1d12h</c>) or a date and
/// time with an optional zone (<c>2026-12-31 18:00 Europe/Berlin</c>, <c>2026-12-31 18:00 +01:00</c>; UTC when none is given).
/// Deliberately small: the reminders feature has the richer natural-language parser.
/// </summary>
public static partial class ClosingTimeParser
{
    public const string Examples = "`2h`, `3d`, `1d12h` or `2026-12-31 18:00 Europe/Berlin`";

    public static Parsed<DateTimeOffset> Parse(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Parsed<DateTimeOffset>.Fail($"`--closes` needs a time, e.g. {Examples}.");
        }

        var closesAt = TryParseDuration(trimmed, out var duration) ? now + duration : (DateTimeOffset?)null;
        if (closesAt is null)
        {
            var absolute = ParseDateTime(trimmed);
            if (!absolute.Succeeded)
            {
                return absolute;
            }

            closesAt = absolute.Value;
        }

        if (closesAt.Value - now < PollLimits.MinOpenDuration)
        {
            return Parsed<DateTimeOffset>.Fail($"The closing time `{trimmed}` is in the past or less than a minute away; please pick a later one.");
        }

        if (closesAt.Value - now > PollLimits.MaxOpenDuration)
        {
            return Parsed<DateTimeOffset>.Fail($"A poll can stay open for at most {PollLimits.MaxOpenDuration.TotalDays:0} days; `{trimmed}` is further away.");
        }

        return Parsed<DateTimeOffset>.Ok(closesAt.Value);
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Duration().Match(text.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var part = capture.Value;
            var unit = char.ToLowerInvariant(part[^1]);
            if (!int.TryParse(part.AsSpan(0, part.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100_000)
            {
                return false;
            }

            duration += unit switch
            {
                'w' => TimeSpan.FromDays(7 * amount),
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
        }

        return true;
    }

    private static Parsed<DateTimeOffset> ParseDateTime(string text)
    {
        var match = DateTimeWithZone().Match(text);
        if (!match.Success)
        {
            return Parsed<DateTimeOffset>.Fail($"I can't read the closing time `{text}`. Try {Examples}.");
        }

        var localText = match.Groups["date"].Value + " " + match.Groups["time"].Value;
        if (!DateTime.TryParseExact(localText, "yyyy-MM-dd H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Parsed<DateTimeOffset>.Fail($"`{localText}` is not a real date and time.");
        }

        var zoneText = match.Groups["zone"].Value;
        if (zoneText.Length == 0 || zoneText.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zoneText == "Z")
        {
            return Parsed<DateTimeOffset>.Ok(new DateTimeOffset(local, TimeSpan.Zero));
        }

        if (zoneText[0] is '+' or '-')
        {
            return TimeSpan.TryParseExact(zoneText[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset) && offset <= TimeSpan.FromHours(14)
                ? Parsed<DateTimeOffset>.Ok(new DateTimeOffset(local, zoneText[0] == '-' ? -offset : offset))
                : Parsed<DateTimeOffset>.Fail($"`{zoneText}` is not a UTC offset; write it like `+01:00`.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out var zone))
        {
            return Parsed<DateTimeOffset>.Fail($"I don't know the time zone `{zoneText}`; use a name such as `Europe/Berlin`, or `UTC`.");
        }

        if (zone.IsInvalidTime(local))
        {
            return Parsed<DateTimeOffset>.Fail($"{localText} does not exist in {zone.Id} (the clocks skip it); pick another time.");
        }

        return Parsed<DateTimeOffset>.Ok(new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    [GeneratedRegex(@"^(?<part>\d+[wdhm])+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[ T](?<time>\d{1,2}:\d{2})(?:\s+(?<zone>[A-Za-z][A-Za-z0-9_+\-/]*|[+-]\d{2}:\d{2}|Z))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithZone();
}
