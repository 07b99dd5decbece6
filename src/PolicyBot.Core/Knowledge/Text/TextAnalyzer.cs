using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>One word of a text: its lower-cased surface form and its stemmed term.</summary>
/// <param name="Capitalized">Starts with a capital letter in the source (a hint of a name).</param>
/// <param name="SentenceStart">First word of the text or of a sentence, where a capital says nothing.</param>
/// <param name="Acronym">Two or more capitals in the source ("US", "GOP"): never a function word.</param>
public readonly record struct Token(string Surface, string Term, bool Capitalized, bool SentenceStart, bool Acronym);

/// <summary>
/// The one normaliser used for articles and questions alike: lower-casing, contractions and possessives, dotted
/// acronyms joined ("U.K." is "UK"), stop words dropped (but not acronyms: "US" is not "us"), light stemming.
/// </summary>
public static partial class TextAnalyzer
{
    /// <summary>Stemmed terms without stop words, for indexing.</summary>
    public static List<string> Terms(string text) =>
        Tokens(text).Where(t => !IsStopWord(t)).Select(t => t.Term).ToList();

    /// <summary>A function word; an acronym written in capitals ("US", "IT") never is.</summary>
    public static bool IsStopWord(Token token) => !token.Acronym && StopWords.English.Contains(token.Surface);

    /// <summary>Every word with its term; stop words included (callers decide).</summary>
    public static IEnumerable<Token> Tokens(string text)
    {
        text = Normalize(text);
        var sentenceStart = true;
        foreach (Match match in Word().Matches(text))
        {
            var raw = AcronymPlural().Replace(match.Value, "${acronym}");
            var surface = Contraction(raw.ToLowerInvariant().Replace('’', '\''));
            var start = sentenceStart;
            var rest = text.AsSpan(match.Index + match.Length).TrimStart("”\"’')]} ");
            sentenceStart = rest.Length > 0 && rest[0] is '.' or '?' or '!' or ':';
            if (surface.Length == 0 || (surface.Length == 1 && !char.IsDigit(surface[0])))
            {
                continue;
            }

            var acronym = raw.Length >= 2 && raw.All(c => char.IsUpper(c) || char.IsDigit(c)) && raw.Any(char.IsLetter);
            yield return new Token(surface, Stemmer.Stem(surface), char.IsUpper(raw[0]), start, acronym);
        }
    }

    /// <summary>The text words are read from: dotted acronyms joined ("U.S." is "US", "D.C." is "DC").</summary>
    public static string Normalize(string text) =>
        DottedAcronym().Replace(text, m => m.Value.Replace(".", string.Empty, StringComparison.Ordinal));

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

    // Letters and digits, with inner apostrophes (Smith's, won't); hyphens split words (bail-out -> bail, out).
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    // "NGOs", "CEOs": an acronym's plural or apostrophe-less possessive is the acronym.
    [GeneratedRegex(@"^(?<acronym>\p{Lu}{2,})s$", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymPlural();

    [GeneratedRegex(@"\b(?:\p{Lu}\.){2,}", RegexOptions.CultureInvariant)]
    private static partial Regex DottedAcronym();
}
