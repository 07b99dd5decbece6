using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// A time of day as people type it: "09:00", "9:30", "9am", "5:30pm", "noon", "midnight". A token shaped like a time but
/// out of range ("25:00", "9:60", "13pm") is an error with the reason, never text to be read past.
/// </summary>
public static partial class ClockTime
{
    /// <summary>True for a valid time; false with <paramref name="error"/> for a time-shaped token that is not one; false with no error for other words.</summary>
    public static bool TryRead(string token, out TimeOnly time, out string? error)
    {
        time = default;
        error = null;
        var lower = token.ToLowerInvariant();
        if (lower is "noon" or "midday")
        {
            time = new TimeOnly(12, 0);
            return true;
        }

        if (lower == "midnight")
        {
            time = new TimeOnly(0, 0);
            return true;
        }

        var match = Shape().Match(lower);
        if (!match.Success || (!match.Groups["m"].Success && !match.Groups["ampm"].Success))
        {
            return false;
        }

        var shown = Chat.MentionGuard.Defuse(token.Length > 12 ? token[..12] + "…" : token);
        var hours = int.TryParse(match.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : int.MaxValue;
        var minutesText = match.Groups["m"].Value;
        var minutes = match.Groups["m"].Success
            ? int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : int.MaxValue
            : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hours is < 1 or > 12)
            {
                error = $"`{shown}` is not a time: with am or pm the hour goes from 1 to 12.";
                return false;
            }

            hours = (hours % 12) + (match.Groups["ampm"].Value == "pm" ? 12 : 0);
        }
        else if (hours > 23)
        {
            error = $"`{shown}` is not a time: hours go from 0 to 23.";
            return false;
        }

        if (match.Groups["m"].Success && minutesText.Length != 2)
        {
            error = $"`{shown}` is not a time: write the minutes with two digits, e.g. `9:05`.";
            return false;
        }

        if (minutes > 59)
        {
            error = $"`{shown}` is not a time: minutes go from 00 to 59.";
            return false;
        }

        time = new TimeOnly(hours, minutes);
        return true;
    }

    [GeneratedRegex(@"^(?<h>\d{1,9})(?::(?<m>\d{1,9}))?(?<ampm>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
