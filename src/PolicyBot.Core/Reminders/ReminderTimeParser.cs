using PolicyBot.Core.Commands;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// Reads the time part of <c>remind</c>: <c>in 30s</c>, <c>in 90m</c>, <c>in 2 days</c>, <c>tomorrow 09:00</c>,
/// <c>fri 17:00</c>, <c>17:00</c>, an ISO date-time (with or without offset), each optionally followed by an IANA time zone;
/// or <c>every day 09:00</c>, <c>every monday 09:00</c>, <c>every weekday 08:30</c>, <c>every "0 9 * * 1-5"</c>
/// (or the five cron fields unquoted). A time after a day or date may have "at" before it (<c>fri at 5pm</c>).
/// Wall-clock times are read in the given zone, else the user's.
/// </summary>
public static partial class ReminderTimeParser
{
    /// <summary>
    /// Shown when a time cannot be read (the command prepends its prefix and name). Relative forms only, so none of them
    /// ever names a time already past; a member copies them as they are.
    /// </summary>
    public static readonly string[] Examples =
    [
        "in 30s stretch",
        "in 90m check the oven",
        "in 2 days renew the visa",
        "tomorrow 09:00 call Anna",
        "fri at 5pm Europe/Berlin send the weekly report",
        "mon at 9:30 budget vote",
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

    /// <summary>Shown for a time given on its own (a Discord <c>when</c> option); relative, like <see cref="Examples"/>.</summary>
    public static readonly string[] TimeExamples = ["in 90m", "tomorrow 09:00", "fri at 5pm Europe/Berlin", "in 2 days", "every monday 09:00"];

    /// <summary>One line, the time first and the text after it (<c>!remind in 90m check the oven</c>).</summary>
    /// <param name="maxYearsAhead">Times and durations further ahead are refused with that limit named.</param>
    public static Parsed<ReminderSchedule> Parse(string arguments, DateTimeOffset now, TimeZoneInfo userZone, int maxYearsAhead = RemindersOptions.DefaultMaxYearsAhead) =>
        ParseLine(arguments, null, now, userZone, maxYearsAhead);

    /// <summary>
    /// The time and the text given apart (Discord options): <paramref name="when"/> must be a time and nothing more (else
    /// it is unreadable), and <paramref name="text"/> is taken as it is, even when it starts with time-like words.
    /// </summary>
    public static Parsed<ReminderSchedule> Parse(string when, string text, DateTimeOffset now, TimeZoneInfo userZone, int maxYearsAhead = RemindersOptions.DefaultMaxYearsAhead) =>
        ParseLine(when, text, now, userZone, maxYearsAhead);

    private static Parsed<ReminderSchedule> ParseLine(string arguments, string? apartText, DateTimeOffset now, TimeZoneInfo userZone, int maxYearsAhead)
    {
        var tokens = Token().Matches(arguments).Select(m => (Text: m.Value, m.Index)).ToList();
        if (tokens.Count == 0)
        {
            return Unreadable();
        }

        var window = new Window(now, now.AddYears(maxYearsAhead), maxYearsAhead);
        return tokens[0].Text.Equals("every", StringComparison.OrdinalIgnoreCase)
            ? ParseRecurring(new Line(arguments, tokens, apartText), now, userZone)
            : ParseOnce(new Line(arguments, tokens, apartText), window, userZone);
    }

    /// <summary>"That is more than 5 years ahead; …": the one wording for every too-distant time.</summary>
    public static string TooFarAhead(int maxYearsAhead) =>
        $"That is more than {maxYearsAhead} years ahead; reminders can be set at most {maxYearsAhead} years ahead.";

    private static Parsed<ReminderSchedule> ParseOnce(Line line, Window window, TimeZoneInfo userZone)
    {
        var now = window.Now;
        var texts = line.Texts;
        var first = texts[0].ToLowerInvariant();
        var next = 1;
        DateTimeOffset? absolute = null;
        Func<TimeZoneInfo, DateTimeOffset>? local = null;

        if (first == "in")
        {
            var used = DurationText.TryParseTokens(texts, 1, out var duration);
            if (used == 0)
            {
                return Unreadable();
            }

            if (duration <= TimeSpan.Zero)
            {
                return Parsed<ReminderSchedule>.Fail("`in` needs a duration longer than zero, e.g. `in 30s` or `in 2 days`.");
            }

            if (duration > window.Latest - now)
            {
                return Parsed<ReminderSchedule>.Fail(TooFarAhead(window.MaxYears));
            }

            next += used;
            absolute = now + duration;
        }
        else if (first is "today" or "tomorrow" || Weekdays.ContainsKey(first))
        {
            if (!TryReadOptionalTime(texts, ref next, out var typed, out var timeError))
            {
                return Parsed<ReminderSchedule>.Fail(timeError);
            }

            if (typed is null && first == "today")
            {
                return Unreadable();
            }

            var at = typed ?? DefaultTime;
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
            var dateText = iso.Groups["date"].Value;
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Parsed<ReminderSchedule>.Fail($"`{dateText}` is not a real date.");
            }

            // Checked before any conversion: a date near year 1 or 9999 cannot be moved between time zones.
            if (window.IsBeyond(date))
            {
                return Parsed<ReminderSchedule>.Fail(TooFarAhead(window.MaxYears));
            }

            if (window.IsLongPast(date))
            {
                return Parsed<ReminderSchedule>.Fail($"{dateText} has already passed. Please pick a time in the future.");
            }

            if (iso.Groups["offset"].Success)
            {
                if (!DateTimeOffset.TryParse(texts[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
                {
                    return Parsed<ReminderSchedule>.Fail($"`{MentionGuard.Defuse(texts[0])}` has a UTC offset I can't read; write it like `+01:00` or `Z`.");
                }

                absolute = exact;
            }
            else
            {
                var time = DefaultTime;
                if (iso.Groups["time"].Success)
                {
                    if (!ClockTime.TryRead(iso.Groups["time"].Value, out time, out var isoTimeError))
                    {
                        return isoTimeError is null ? Unreadable() : Parsed<ReminderSchedule>.Fail(isoTimeError);
                    }

                    if (iso.Groups["seconds"].Success)
                    {
                        var seconds = int.Parse(iso.Groups["seconds"].Value, CultureInfo.InvariantCulture);
                        if (seconds > 59)
                        {
                            return Parsed<ReminderSchedule>.Fail($"`{MentionGuard.Defuse(texts[0])}` is not a time: seconds go from 00 to 59.");
                        }

                        time = time.Add(TimeSpan.FromSeconds(seconds));
                    }
                }
                else if (!TryReadOptionalTime(texts, ref next, out var typed, out var timeError))
                {
                    return Parsed<ReminderSchedule>.Fail(timeError);
                }
                else
                {
                    time = typed ?? DefaultTime;
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

            if (next - 1 >= texts.Length)
            {
                return Unreadable();
            }

            if (!ClockTime.TryRead(texts[next - 1], out var time, out var timeError))
            {
                return timeError is null ? Unreadable() : Parsed<ReminderSchedule>.Fail(timeError);
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
            return Parsed<ReminderSchedule>.Fail(zoneError);
        }

        var dueAt = absolute ?? local!(zoneToUse);
        if (!line.TryTakeText(next, out var text, out var textError))
        {
            return textError;
        }

        if (dueAt <= now)
        {
            return Parsed<ReminderSchedule>.Fail(
                $"That time ({CountdownText.When(dueAt, zoneToUse, now)}) has already passed. Please pick a time in the future.");
        }

        if (dueAt > window.Latest)
        {
            return Parsed<ReminderSchedule>.Fail(TooFarAhead(window.MaxYears));
        }

        return Parsed<ReminderSchedule>.Ok(new ReminderSchedule(dueAt, null, zoneToUse, text));
    }

    /// <summary>
    /// Reads a time at <paramref name="next"/> if there is one, optionally after "at" (and moves past it). False only for
    /// a token shaped like a time that is not one ("25:00"): such a token is an error, never the start of the reminder's text.
    /// </summary>
    private static bool TryReadOptionalTime(string[] texts, ref int next, out TimeOnly? time, [NotNullWhen(false)] out string? error)
    {
        time = null;
        error = null;
        // "at" belongs to the time only when a time follows it: "tomorrow at the office" keeps it in the text.
        var skipAt = next + 1 < texts.Length && texts[next].Equals("at", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (next + skipAt >= texts.Length)
        {
            return true;
        }

        if (ClockTime.TryRead(texts[next + skipAt], out var typed, out error))
        {
            time = typed;
            next += skipAt + 1;
            return true;
        }

        return error is null;
    }

    private static Parsed<ReminderSchedule> ParseRecurring(Line line, DateTimeOffset now, TimeZoneInfo userZone)
    {
        var (arguments, tokens, texts) = (line.Arguments, line.Tokens, line.Texts);
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
                return Parsed<ReminderSchedule>.Fail("The cron expression is missing its closing quote, e.g. `every \"0 9 * * 1-5\" standup`.");
            }

            cron = arguments[(open + 1)..close].Trim();
            next = tokens.FindIndex(t => t.Index > close);
            next = next < 0 ? tokens.Count : next;
        }
        else if (rule is "day" or "daily" or "weekday" or "weekdays" || Weekdays.ContainsKey(rule))
        {
            if (!TryReadOptionalTime(texts, ref next, out var typed, out var timeError))
            {
                return Parsed<ReminderSchedule>.Fail(timeError);
            }

            var time = typed ?? DefaultTime;

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
            return Parsed<ReminderSchedule>.Fail($"`{cron}` is not a cron expression I can read: five fields, minute hour day month weekday, e.g. `0 9 * * 1-5`.");
        }

        if (!TryReadZone(texts, ref next, userZone, out var zone, out var zoneError))
        {
            return Parsed<ReminderSchedule>.Fail(zoneError);
        }

        if (!line.TryTakeText(next, out var text, out var textError))
        {
            return textError;
        }

        var first = expression.GetNextOccurrence(now, zone);
        return first is null
            ? Parsed<ReminderSchedule>.Fail($"`{cron}` never comes round (check the day and month).")
            : Parsed<ReminderSchedule>.Ok(new ReminderSchedule(first.Value, cron, zone, text));
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
        return $"I don't know the time zone `{MentionGuard.Defuse(shown)}`. Did you mean `{TimeZoneDirectory.Suggest(shown)}`? Time zones are IANA names such as `Europe/Berlin` or `Asia/Tokyo`.";
    }

    /// <summary>"09:00", "9:30", "9am", "5:30pm", "noon", "midnight" (see <see cref="ClockTime"/>).</summary>
    public static bool TryTime(string token, out TimeOnly time) => ClockTime.TryRead(token, out time, out _);

    private static Parsed<ReminderSchedule> Unreadable() => Parsed<ReminderSchedule>.Fail("I couldn't read that time.", showExamples: true);

    private static Parsed<ReminderSchedule> NoText() => Parsed<ReminderSchedule>.Fail("What should I remind you of? Put the text after the time.");

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T](?<time>\d{2}:\d{2})(?::(?<seconds>\d{2}))?)?(?<offset>Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDateTime();

    /// <summary>The words being read, and the text given apart from them if it was (then every word must be part of the time).</summary>
    private sealed record Line(string Arguments, List<(string Text, int Index)> Tokens, string? ApartText)
    {
        public string[] Texts { get; } = [.. Tokens.Select(t => t.Text)];

        /// <summary>The reminder's text: what follows the time on one line, else the text given apart.</summary>
        public bool TryTakeText(int next, out string text, out Parsed<ReminderSchedule> error)
        {
            if (ApartText is not null && next < Tokens.Count)
            {
                // Words after the time are not moved into the text: the member put them in the time.
                (text, error) = (string.Empty, Unreadable());
                return false;
            }

            text = ApartText?.Trim() ?? (next < Tokens.Count ? Arguments[Tokens[next].Index..].Trim() : string.Empty);
            error = text.Length == 0 ? NoText() : default;
            return text.Length > 0;
        }
    }

    /// <summary>Now and the latest time a reminder may be set for.</summary>
    private sealed record Window(DateTimeOffset Now, DateTimeOffset Latest, int MaxYears)
    {
        // A day either side covers every time zone's offset from UTC.
        public bool IsBeyond(DateOnly date) => date > DateOnly.FromDateTime(Latest.UtcDateTime).AddDays(1);

        public bool IsLongPast(DateOnly date) => date < DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1);
    }
}
