using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>
/// Splits a paragraph into sentences that are exact substrings of it, so a quote built from them is verbatim.
/// Abbreviations such as "U.S." or "Mr." do not end a sentence.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "vs", "etc", "no", "inc", "co",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "corp", "ltd", "rev", "sgt",
    };

    public static List<string> Split(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(paragraph))
        {
            var end = boundary.Index + boundary.Length;
            if (IsAbbreviation(paragraph, boundary.Index))
            {
                continue;
            }

            Add(paragraph[start..end]);
            start = end;
        }

        Add(paragraph[start..]);
        return sentences;

        void Add(string candidate)
        {
            var trimmed = candidate.Trim();
            if (trimmed.Length > 0)
            {
                sentences.Add(trimmed);
            }
        }
    }

    // The word before the full stop: "U.S." (letters separated by dots) or a known abbreviation.
    private static bool IsAbbreviation(string text, int stopIndex)
    {
        if (text[stopIndex] != '.')
        {
            return false;
        }

        var wordStart = stopIndex;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..stopIndex];
        return word.Contains('.', StringComparison.Ordinal) || (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    // End punctuation, optional closing quotes/brackets, then whitespace before a capital, digit or opening quote.
    [GeneratedRegex(@"[.!?]+[”""’')\]]*(?=\s+[\p{Lu}\p{N}“""‘(])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();
}
