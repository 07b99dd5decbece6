using PolicyBot.Core.Commands;
using System.Collections.Immutable;
using System.Globalization;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Reads the options of a <c>vote</c>: numbers as on the card (<c>2</c>, <c>1 3</c>) or text (<c>raise the cap</c>): an exact label
/// or a unique case-insensitive prefix. Several text options are separated by commas or <c>|</c>.
/// </summary>
public static class VoteChoiceParser
{
    public static Parsed<ImmutableArray<int>> Parse(Poll poll, string text)
    {
        var chosen = new SortedSet<int>();
        foreach (var part in text.Split([',', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.All(IsNumber))
            {
                foreach (var word in words)
                {
                    var number = int.TryParse(word.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                    if (number < 1 || number > poll.Options.Length)
                    {
                        return Parsed<ImmutableArray<int>>.Fail($"Poll #{poll.Id} has options 1 to {poll.Options.Length}; there is no option {MentionGuard.Defuse(word)}.");
                    }

                    chosen.Add(number);
                }

                continue;
            }

            var matched = MatchText(poll, string.Join(' ', words));
            if (!matched.Succeeded)
            {
                return Parsed<ImmutableArray<int>>.Fail(matched.Error);
            }

            chosen.Add(matched.Value);
        }

        if (chosen.Count == 0)
        {
            return Parsed<ImmutableArray<int>>.Fail($"Name an option of poll #{poll.Id} by its number (1 to {poll.Options.Length}) or its text.");
        }

        if (chosen.Count > poll.MaxChoices)
        {
            return Parsed<ImmutableArray<int>>.Fail(poll.MaxChoices == 1
                ? $"Poll #{poll.Id} takes one choice; you named {chosen.Count}."
                : $"Poll #{poll.Id} takes at most {poll.MaxChoices} choices; you named {chosen.Count}.");
        }

        return Parsed<ImmutableArray<int>>.Ok([.. chosen]);
    }

    private static bool IsNumber(string word) => word.TrimStart('#') is { Length: > 0 and < 4 } digits && digits.All(char.IsAsciiDigit);

    /// <summary>Compared as identifying text (<see cref="IdentifyingText"/>): "ye\u200Bs" names the option "yes".</summary>
    private static Parsed<int> MatchText(Poll poll, string typed)
    {
        var text = IdentifyingText.Normalize(typed);
        var key = IdentifyingText.Key(text);
        var keys = poll.Options.Select(o => IdentifyingText.Key(IdentifyingText.Normalize(o))).ToArray();
        var exact = Array.IndexOf(keys, key);
        if (exact >= 0)
        {
            return Parsed<int>.Ok(exact + 1);
        }

        var prefixed = poll.Options
            .Select((label, index) => (label, number: index + 1))
            .Where(o => key.Length > 0 && keys[o.number - 1].StartsWith(key, StringComparison.Ordinal))
            .ToArray();
        var shown = MentionGuard.Defuse(text.Length > 40 ? text[..40] + "…" : text);
        return prefixed.Length switch
        {
            1 => Parsed<int>.Ok(prefixed[0].number),
            0 => Parsed<int>.Fail($"Poll #{poll.Id} has no option starting with “{shown}”. Vote with a number from 1 to {poll.Options.Length}."),
            _ => Parsed<int>.Fail($"“{shown}” fits options {string.Join(", ", prefixed.Select(p => p.number))}; use the number, or more of the text."),
        };
    }
}
