using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// Durations as people type them: "30s", "90m", "1h30m", "2 days", "7d", "2w". Any amount is read, however large: a
/// duration too long for <see cref="TimeSpan"/> comes back as <see cref="TimeSpan.MaxValue"/>, for the caller to refuse
/// with its own limit, instead of overflowing.
/// </summary>
public static partial class DurationText
{
    /// <summary>Parses one compact token such as "1h30m" or "7d".</summary>
    public static bool TryParseCompact(string token, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Compact().Match(token.ToLowerInvariant());
        if (!match.Success)
        {
            return false;
        }

        var seconds = 0d;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var component = Component().Match(part.Value);
            if (!TryUnit(component.Groups[2].Value, out var unit))
            {
                return false;
            }

            seconds += unit * double.Parse(component.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        duration = FromSeconds(seconds);
        return true;
    }

    /// <summary>Reads durations from the tokens starting at <paramref name="index"/> ("2 days", "1h 30m", "90 minutes"); returns the tokens used.</summary>
    public static int TryParseTokens(IReadOnlyList<string> tokens, int index, out TimeSpan duration)
    {
        var seconds = 0d;
        var used = 0;
        while (index + used < tokens.Count)
        {
            var token = tokens[index + used];
            if (TryParseCompact(token, out var compact))
            {
                seconds += compact.TotalSeconds;
                used++;
            }
            else if (Number().IsMatch(token)
                     && index + used + 1 < tokens.Count && TryUnit(tokens[index + used + 1].ToLowerInvariant(), out var unit))
            {
                seconds += unit * double.Parse(token, CultureInfo.InvariantCulture);
                used += 2;
            }
            else
            {
                break;
            }
        }

        duration = FromSeconds(seconds);
        return used;
    }

    private static TimeSpan FromSeconds(double seconds)
    {
        var ticks = seconds * TimeSpan.TicksPerSecond;
        return ticks >= long.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The unit's length in seconds.</summary>
    private static bool TryUnit(string unit, out double seconds)
    {
        seconds = unit switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" => 1,
            "m" or "min" or "mins" or "minute" or "minutes" => 60,
            "h" or "hr" or "hrs" or "hour" or "hours" => 3600,
            "d" or "day" or "days" => 86_400,
            "w" or "wk" or "week" or "weeks" => 604_800,
            _ => 0,
        };
        return seconds > 0;
    }

    [GeneratedRegex(@"^(?<part>\d+(?:\.\d+)?[a-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Component();

    [GeneratedRegex(@"^\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
