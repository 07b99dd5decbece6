using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// Reads the time part of <c>remind</c>: <c>in 30s</c>, <c>in 90m</c>, <c>in 2 days</c>, <c>tomorrow 09:00</c>,
/// <c>fri 17:00</c>, <c>17:00</c>, an ISO date-time (with or without offset), each optionally followed by an IANA time zone;
/// or <c>every day 09:00</c>, <c>every monday 09:00</c>, <c>every weekday 08:30</c>, <c>every "0 9 * * 1-5"</c>
/// (or the five cron fields unquoted). Wall-clock times are read in the given zone, else the user's.
/// </summary>
public static partial class ReminderTimeParser
{
    /// <summary>Shown when a time cannot be read (the command prepends its prefix and name).</summary>
    public static readonly string[] Examples =
    [
        "in 30s stretch",
        "in 90m check the oven",
        "in 2 days renew the visa",
        "tomorrow 09:00 call Anna",
        "fri 17:00 Europe/Berlin send the weekly report",
        "2026-03-01T09:00 budget vote",
        "every day 09:00 Europe/Berlin water the plants",
        "every monday 09:00 team sync",
        "every \"30 8 * * 1-5\" standup",
    ];

    private static readonly TimeOnly DefaultTime = new(9, 0);

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    public static ReminderParseResult Parse(string arguments, DateTimeOffset now, TimeZoneInfo userZone)
    {
        var tokens = Token().Matches(arguments).Select(m => (Text: m.Value, m.Index)).ToList();
        if (tokens.Count == 0)
        {
            return Unreadable();
        }

        return tokens[0].Text.Equals("every", StringComparison.OrdinalIgnoreCase)
            ? ParseRecurring(arguments, tokens, now, userZone)
            : ParseOnce(arguments, tokens, now, userZone);
    }

    private static ReminderParseResult ParseOnce(string arguments, List<(string Text, int Index)> tokens, DateTimeOffset now, TimeZoneInfo userZone)
    {
        var texts = tokens.Select(t => t.Text).ToArray();
        var first = texts[0].ToLowerInvariant();
        var next = 1;
        DateTimeOffset? absolute = null;
        Func<TimeZoneInfo, DateTimeOffset>? local = null;

        if (first == "in")
        {
            var used = DurationText.TryParseTokens(texts, 1, out var duration);
            if (used == 0 || duration <= TimeSpan.Zero)
            {
                return Unreadable();
            }

            next += used;
            absolute = now + duration;
        }
        else if (first is "today" or "tomorrow" || Weekdays.ContainsKey(first))
        {
            var time = next < texts.Length && TryTime(texts[next], out var typed) ? typed : (TimeOnly?)null;
            if (time is not null)
            {
                next++;
            }
            else if (first == "today")
            {
                return Unreadable();
            }

            var at = time ?? DefaultTime;
            local = zone =>
            {
                var today = DateOnly.FromDateTime(TimeZoneDirectory.InZone(now, zone).DateTime);
                if (first == "today")
                {
                    return TimeZoneDirectory.ToInstant(today.ToDateTime(at), zone);
                }

                if (first == "tomorrow")
                {
                    return TimeZoneDirectory.ToInstant(today.AddDays(1).ToDateTime(at), zone);
                }

                var days = ((int)Weekdays[first] - (int)today.DayOfWeek + 7) % 7;
                var candidate = TimeZoneDirectory.ToInstant(today.AddDays(days).ToDateTime(at), zone);
                return candidate > now ? candidate : TimeZoneDirectory.ToInstant(today.AddDays(days + 7).ToDateTime(at), zone);
            };
        }
        else if (IsoDateTime().Match(texts[0]) is { Success: true } iso)
        {
            if (iso.Groups["offset"].Success)
            {
                if (!DateTimeOffset.TryParse(texts[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
                {
                    return Unreadable();
                }

                absolute = exact;
            }
            else
            {
                if (!DateOnly.TryParseExact(iso.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Unreadable();
                }

                var time = DefaultTime;
                if (iso.Groups["time"].Success)
                {
                    if (!TimeOnly.TryParse(iso.Groups["time"].Value, CultureInfo.InvariantCulture, out time))
                    {
                        return Unreadable();
                    }
                }
                else if (next < texts.Length && TryTime(texts[next], out var typed))
                {
                    time = typed;
                    next++;
                }

                local = zone => TimeZoneDirectory.ToInstant(date.ToDateTime(time), zone);
            }
        }
        else
        {
            if (first == "at")
            {
                next++;
            }

            if (next - 1 >= texts.Length || !TryTime(texts[next - 1], out var time))
            {
                return Unreadable();
            }

            // A bare time means its next occurrence: today if still ahead, else tomorrow.
            local = zone =>
            {
                var today = DateOnly.FromDateTime(TimeZoneDirectory.InZone(now, zone).DateTime);
                var candidate = TimeZoneDirectory.ToInstant(today.ToDateTime(time), zone);
                return candidate > now ? candidate : TimeZoneDirectory.ToInstant(today.AddDays(1).ToDateTime(time), zone);
            };
        }

        if (!TryReadZone(texts, ref next, userZone, out var zoneToUse, out var zoneError))
        {
            return ReminderParseResult.Fail(zoneError);
        }

        var dueAt = absolute ?? local!(zoneToUse);
        var text = Rest(arguments, tokens, next);
        if (text.Length == 0)
        {
            return NoText();
        }

        if (dueAt <= now)
        {
            return ReminderParseResult.Fail(
                $"That time ({CountdownText.When(dueAt, zoneToUse, now)}) has already passed. Please pick a time in the future.");
        }

        return ReminderParseResult.Ok(new ReminderSchedule(dueAt, null, zoneToUse, text));
    }

    private static ReminderParseResult ParseRecurring(string arguments, List<(string Text, int Index)> tokens, DateTimeOffset now, TimeZoneInfo userZone)
    {
        var texts = tokens.Select(t => t.Text).ToArray();
        if (texts.Length < 2)
        {
            return Unreadable();
        }

        string cron;
        var next = 2;
        var rule = texts[1].ToLowerInvariant();
        if (rule.StartsWith('"'))
        {
            var open = tokens[1].Index;
            var close = arguments.IndexOf('"', open + 1);
            if (close < 0)
            {
                return ReminderParseResult.Fail("The cron expression is missing its closing quote, e.g. `every \"0 9 * * 1-5\" standup`.");
            }

            cron = arguments[(open + 1)..close].Trim();
            next = tokens.FindIndex(t => t.Index > close);
            next = next < 0 ? tokens.Count : next;
        }
        else if (rule is "day" or "daily" or "weekday" or "weekdays" || Weekdays.ContainsKey(rule))
        {
            var time = DefaultTime;
            if (next < texts.Length && TryTime(texts[next], out var typed))
            {
                time = typed;
                next++;
            }

            var days = rule switch
            {
                "day" or "daily" => "*",
                "weekday" or "weekdays" => "1-5",
                _ => ((int)Weekdays[rule]).ToString(CultureInfo.InvariantCulture),
            };
            cron = $"{time.Minute} {time.Hour} * * {days}";
        }
        else if (rule is "hour" or "hourly")
        {
            cron = "0 * * * *";
        }
        else if (texts.Length >= 6 && CronExpression.TryParse(string.Join(' ', texts[1..6]), CronFormat.Standard, out _))
        {
            cron = string.Join(' ', texts[1..6]);
            next = 6;
        }
        else
        {
            return Unreadable();
        }

        if (!CronExpression.TryParse(cron, CronFormat.Standard, out var expression))
        {
            return ReminderParseResult.Fail($"`{cron}` is not a cron expression I can read: five fields, minute hour day month weekday, e.g. `0 9 * * 1-5`.");
        }

        if (!TryReadZone(texts, ref next, userZone, out var zone, out var zoneError))
        {
            return ReminderParseResult.Fail(zoneError);
        }

        var text = Rest(arguments, tokens, next);
        if (text.Length == 0)
        {
            return NoText();
        }

        var first = expression.GetNextOccurrence(now, zone);
        return first is null
            ? ReminderParseResult.Fail($"`{cron}` never comes round (check the day and month).")
            : ReminderParseResult.Ok(new ReminderSchedule(first.Value, cron, zone, text));
    }

    private static bool TryReadZone(string[] texts, ref int next, TimeZoneInfo userZone, out TimeZoneInfo zone, out string error)
    {
        zone = userZone;
        error = "";
        if (next >= texts.Length || !TimeZoneDirectory.LooksLikeZone(texts[next]))
        {
            return true;
        }

        if (!TimeZoneDirectory.TryFind(texts[next], out zone))
        {
            error = UnknownZone(texts[next]);
            return false;
        }

        next++;
        return true;
    }

    public static string UnknownZone(string typed)
    {
        var shown = typed.Length > 40 ? typed[..40] + "…" : typed;
        return $"I don't know the time zone `{Chat.MentionGuard.Defuse(shown)}`. Did you mean `{TimeZoneDirectory.Suggest(typed)}`? Time zones are IANA names such as `Europe/Berlin` or `Asia/Seoul`.";
    }

    /// <summary>"09:00", "9:30", "9am", "5:30pm", "noon", "midnight".</summary>
    public static bool TryTime(string token, out TimeOnly time)
    {
        time = default;
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

        var match = Clock().Match(lower);
        if (!match.Success || (!match.Groups["m"].Success && !match.Groups["ampm"].Success))
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (match.Groups["ampm"].Value == "pm" ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static string Rest(string arguments, List<(string Text, int Index)> tokens, int next) =>
        next < tokens.Count ? arguments[tokens[next].Index..].Trim() : string.Empty;

    private static ReminderParseResult Unreadable() => ReminderParseResult.Fail("I couldn't read that time.", showExamples: true);

    private static ReminderParseResult NoText() => ReminderParseResult.Fail("What should I remind you of? Put the text after the time.");

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))?(?<ampm>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T](?<time>\d{2}:\d{2}(?::\d{2})?))?(?<offset>Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDateTime();
}
