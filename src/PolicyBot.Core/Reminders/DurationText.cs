using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Reminders;

/// <summary>Durations as people type them: "30s", "90m", "1h30m", "2 days", "7d", "2w".</summary>
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

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var component = Component().Match(part.Value);
            if (!TryUnit(component.Groups[2].Value, out var unit))
            {
                return false;
            }

            duration += unit * double.Parse(component.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return true;
    }

    /// <summary>Reads durations from the tokens starting at <paramref name="index"/> ("2 days", "1h 30m", "90 minutes"); returns the tokens used.</summary>
    public static int TryParseTokens(IReadOnlyList<string> tokens, int index, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var used = 0;
        while (index + used < tokens.Count)
        {
            var token = tokens[index + used];
            if (TryParseCompact(token, out var compact))
            {
                duration += compact;
                used++;
            }
            else if (double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                     && index + used + 1 < tokens.Count && TryUnit(tokens[index + used + 1].ToLowerInvariant(), out var unit))
            {
                duration += unit * number;
                used += 2;
            }
            else
            {
                break;
            }
        }

        return used;
    }

    private static bool TryUnit(string unit, out TimeSpan value)
    {
        value = unit switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(1),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(1),
            "d" or "day" or "days" => TimeSpan.FromDays(1),
            "w" or "wk" or "week" or "weeks" => TimeSpan.FromDays(7),
            _ => TimeSpan.Zero,
        };
        return value > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(?<part>\d+(?:\.\d+)?[a-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Component();
}
