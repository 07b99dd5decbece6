using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>One word of a text: its surface form and its normalised, stemmed term.</summary>
/// <param name="Capitalized">Starts with a capital letter in the source (a hint of a name).</param>
/// <param name="SentenceStart">First word of the text or of a sentence, where capitals say nothing.</param>
/// <param name="Hyphenated">Joined to the previous word by a hyphen ("Jong-un"): part of the same name.</param>
public readonly record struct Token(string Surface, string Term, bool Capitalized, bool SentenceStart, bool Hyphenated = false, int Index = 0)
{
    /// <summary>Where the word starts in <see cref="TextAnalyzer.Normalize"/>d text, and its length there.</summary>
    public (int Offset, int Length) Span { get; init; }
}

/// <summary>
/// The one normaliser used for articles and questions alike: lower-casing, contractions and possessives,
/// "U.S." spelled out, stop words dropped, light stemming.
/// </summary>
public static partial class TextAnalyzer
{
    /// <summary>Stemmed terms without stop words, for indexing.</summary>
    public static List<string> Terms(string text) =>
        Tokens(text).Where(t => !StopWords.English.Contains(t.Surface)).Select(t => t.Term).ToList();

    /// <summary>Every word with its term; stop words included (callers decide), already lower-cased in <see cref="Token.Surface"/>.</summary>
    public static IEnumerable<Token> Tokens(string text)
    {
        text = Normalize(text);
        var sentenceStart = true;
        var index = 0;
        foreach (Match match in Word().Matches(text))
        {
            var raw = match.Value;
            var capitalized = char.IsUpper(raw[0]);
            var surface = Contraction(AcronymPlural().Replace(raw, "${acronym}").ToLowerInvariant().Replace('’', '\''));
            var start = sentenceStart;
            var hyphenated = match.Index > 0 && text[match.Index - 1] == '-';
            var position = index++;
            var next = match.Index + match.Length;
            sentenceStart = next < text.Length && text.AsSpan(next).TrimStart("”\"’')]} ").Length > 0
                && text.AsSpan(next).TrimStart("”\"’')]} ")[0] is '.' or '?' or '!' or ':';
            if (surface.Length == 0 || (surface.Length == 1 && !char.IsDigit(surface[0])))
            {
                continue;
            }

            yield return new Token(surface, Stemmer.Stem(surface), capitalized, start, hyphenated, position) { Span = (match.Index, match.Length) };
        }
    }

    /// <summary>
    /// True when <paramref name="token"/>, as written in <paramref name="text"/> (its tokenised form, see
    /// <see cref="Normalize"/>), ends in a possessive "'s": a token's span takes it in ("Jong-un's", "Iraq’s").
    /// </summary>
    public static bool IsPossessive(string text, Token token)
    {
        var written = text.AsSpan(token.Span.Offset, token.Span.Length);
        return written.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || written.EndsWith("’s", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text words are read from: "U.S.", "US" and "USA" spelled out as "United States".</summary>
    public static string Normalize(string text) => UnitedStates().Replace(text, "United States");

    private static string Contraction(string word)
    {
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe < 0)
        {
            return word;
        }

        return word switch
        {
            "won't" => "will",
            "can't" => "can",
            "shan't" => "shall",
            _ when word.EndsWith("n't", StringComparison.Ordinal) => word[..^3],
            _ => word[..apostrophe],
        };
    }

    // Letters and digits, with inner apostrophes (Kim's, won't); hyphens split words (Jong-un -> jong, un).
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    // "NKs", "ICBMs": an acronym's plural or apostrophe-less possessive is the acronym.
    [GeneratedRegex(@"^(?<acronym>\p{Lu}{2,})s$", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymPlural();

    [GeneratedRegex(@"\bU\.S\.(?:A\.)?|\bUSA\b|\bUS\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnitedStates();
}
