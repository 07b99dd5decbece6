using PolicyBot.Core.Commands;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>A poll as the user asked for it, checked against <see cref="PollLimits"/>.</summary>
public sealed record PollRequest(string Question, ImmutableArray<string> Options, int MaxChoices, bool Anonymous, bool Hidden, DateTimeOffset? ClosesAt);

/// <summary>
/// Parses <c>&lt;question&gt; | &lt;option&gt; | &lt;option&gt; ... [flags]</c>. Flags may stand anywhere; <c>--closes</c> takes the
/// longest run of up to three following words that reads as a time, so <c>--closes 2026-12-31 18:00 Europe/Berlin</c> works.
/// </summary>
public static partial class PollRequestParser
{
    public const string Usage = "<question> | <option> | <option> ... [--multi[=N]] [--anonymous] [--hidden] [--closes <when>]";

    private const int MaxClosesWords = 3;

    /// <param name="pollCommand">How the member types <c>poll</c> here, for the example in an error.</param>
    public static Parsed<PollRequest> Parse(string arguments, DateTimeOffset now, string pollCommand = "poll")
    {
        var extracted = ExtractFlags(arguments, now);
        if (!extracted.Succeeded)
        {
            return Parsed<PollRequest>.Fail(extracted.Error);
        }

        var (text, flags) = extracted.Value;
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return Parsed<PollRequest>.Fail($"Write the question, then the options, separated by `|`: `{pollCommand} What about the cap? | Raise the cap | Keep it as is`.");
        }

        return Build(parts[0], parts[1..], flags);
    }

    /// <summary>
    /// Checks a question and options (typed or from a preset) and applies the flags. Both are normalized as text that
    /// identifies something (<see cref="IdentifyingText"/>): an option that is only invisible characters is empty, and
    /// options that look the same are duplicates.
    /// </summary>
    public static Parsed<PollRequest> Build(string question, IReadOnlyList<string> options, PollFlags flags)
    {
        var typedQuestion = question;
        question = IdentifyingText.Normalize(question);
        if (question.Length == 0)
        {
            return Parsed<PollRequest>.Fail(string.IsNullOrWhiteSpace(typedQuestion)
                ? "The poll needs a question before the first `|`."
                : "The question has only invisible characters (zero-width spaces, control or direction marks); please write it out.");
        }

        if (question.Length > PollLimits.MaxQuestionLength)
        {
            return Parsed<PollRequest>.Fail($"The question is {question.Length} characters long; the limit is {PollLimits.MaxQuestionLength}.");
        }

        var cleaned = options.Select(IdentifyingText.Normalize).ToArray();
        var empty = Array.FindIndex(cleaned, o => o.Length == 0);
        if (empty >= 0)
        {
            return Parsed<PollRequest>.Fail(string.IsNullOrWhiteSpace(options[empty])
                ? "One of the options is empty; check for a doubled or trailing `|`."
                : $"Option {empty + 1} has only invisible characters (zero-width spaces, control or direction marks); please write it out.");
        }

        if (cleaned.Length < PollLimits.MinOptions || cleaned.Length > PollLimits.MaxOptions)
        {
            return Parsed<PollRequest>.Fail($"A poll needs between {PollLimits.MinOptions} and {PollLimits.MaxOptions} options; you gave {cleaned.Length}.");
        }

        var tooLong = Array.FindIndex(cleaned, o => o.Length > PollLimits.MaxOptionLength);
        if (tooLong >= 0)
        {
            return Parsed<PollRequest>.Fail($"Option {tooLong + 1} is {cleaned[tooLong].Length} characters long; the limit is {PollLimits.MaxOptionLength}.");
        }

        var duplicate = cleaned.GroupBy(IdentifyingText.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return Parsed<PollRequest>.Fail($"The option `{MentionGuard.Defuse(duplicate.First())}` appears twice; each option must be different.");
        }

        var maxChoices = flags.Multi switch
        {
            null => 1,
            0 => cleaned.Length,
            var n => n.Value,
        };
        if (maxChoices > cleaned.Length)
        {
            return Parsed<PollRequest>.Fail($"`--multi={maxChoices}` allows more choices than the poll's {cleaned.Length} options.");
        }

        return Parsed<PollRequest>.Ok(new PollRequest(question, [.. cleaned], maxChoices, flags.Anonymous, flags.Hidden, flags.ClosesAt));
    }

    /// <summary>Removes the flags from <paramref name="arguments"/>; returns the rest of the text and the flags.</summary>
    public static Parsed<(string Text, PollFlags Flags)> ExtractFlags(string arguments, DateTimeOffset now)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length);
        var flags = PollFlags.None;
        for (var i = 0; i < words.Length; i++)
        {
            var flag = Flag().Match(words[i]);
            if (!flag.Success)
            {
                kept.Add(words[i]);
                continue;
            }

            var name = flag.Groups["name"].Value.ToLowerInvariant();
            var inline = flag.Groups["value"].Success ? flag.Groups["value"].Value : null;
            switch (name)
            {
                case "anonymous":
                    flags = flags with { Anonymous = true };
                    break;
                case "hidden":
                    flags = flags with { Hidden = true };
                    break;
                case "multi":
                    if (inline is null)
                    {
                        flags = flags with { Multi = 0 };
                    }
                    else if (int.TryParse(inline, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= 1 && max <= PollLimits.MaxOptions)
                    {
                        flags = flags with { Multi = max == 1 ? null : max };
                    }
                    else
                    {
                        return Parsed<(string, PollFlags)>.Fail($"`--multi=` takes a number of choices from 1 to {PollLimits.MaxOptions}, e.g. `--multi=2`.");
                    }

                    break;
                case "closes":
                    var closes = ReadClosingTime(words, i, inline, now, out var consumed);
                    if (!closes.Succeeded)
                    {
                        return Parsed<(string, PollFlags)>.Fail(closes.Error);
                    }

                    flags = flags with { ClosesAt = closes.Value };
                    i += consumed;
                    break;
                default:
                    return Parsed<(string, PollFlags)>.Fail(
                        $"I don't know the flag `--{MentionGuard.Defuse(name)}`. Poll flags: `--multi[=N]`, `--anonymous`, `--hidden`, `--closes <when>`.");
            }
        }

        return Parsed<(string, PollFlags)>.Ok((string.Join(' ', kept), flags));
    }

    /// <summary>Tries the longest run of words first; <paramref name="consumed"/> is how many words after the flag it used.</summary>
    private static Parsed<DateTimeOffset> ReadClosingTime(string[] words, int flagIndex, string? inline, DateTimeOffset now, out int consumed)
    {
        consumed = 0;
        var following = words.Skip(flagIndex + 1).TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal) && !w.Contains('|', StringComparison.Ordinal)).ToList();
        var candidates = inline is null ? following : following.Prepend(inline).ToList();
        var skipInline = inline is null ? 0 : 1;
        Parsed<DateTimeOffset>? firstFailure = null;
        Parsed<DateTimeOffset>? longerFailure = null;
        for (var count = Math.Min(MaxClosesWords, candidates.Count); count >= 1; count--)
        {
            var parsed = ClosingTimeParser.Parse(string.Join(' ', candidates.Take(count)), now);
            if (parsed.Succeeded)
            {
                // A zone right after the time was meant for it: one that cannot be read is an error, never option text.
                if (count < candidates.Count && (ClosingTimeParser.LooksLikeZone(candidates[count]) || ZoneAfterTime().IsMatch(candidates[count])))
                {
                    var zone = MentionGuard.Defuse(candidates[count]);
                    return !LooksLikeDate().IsMatch(candidates[0])
                        ? Parsed<DateTimeOffset>.Fail($"`{MentionGuard.Defuse(candidates[0])}` is a length of time, so it takes no time zone; for `{zone}` give a date and time, e.g. `YYYY-MM-DD 18:00 {zone}`.")
                        : longerFailure ?? Parsed<DateTimeOffset>.Fail($"`--closes` takes one time zone; `{zone}` is one too many.");
                }

                consumed = count - skipInline;
                return parsed;
            }

            firstFailure ??= parsed;
            longerFailure = parsed;
        }

        if (firstFailure is null)
        {
            return Parsed<DateTimeOffset>.Fail($"`--closes` needs a time, e.g. {ClosingTimeParser.Examples}.");
        }

        // A date names its zone in the words after it, so its longest reading explains best ("unknown zone");
        // otherwise the first word alone is the user's time ("3x", not "3x Which option?").
        return LooksLikeDate().IsMatch(candidates[0]) ? firstFailure.Value : ClosingTimeParser.Parse(candidates[0], now);
    }

    [GeneratedRegex(@"^\d{4}-\d", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeDate();

    [GeneratedRegex(@"^--(?<name>[A-Za-z][A-Za-z-]*)(?:=(?<value>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Flag();

    // Right after a closing time, "area/location" in any case is a zone ("mars/olympus"), never the last option's text.
    [GeneratedRegex(@"^[A-Za-z_]{3,}/[A-Za-z_\-]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneAfterTime();
}
