using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>The kind of fact a question asks for, when its wording says: a passage that answers it must hold one.</summary>
public enum FactKind
{
    /// <summary>Anything: a reason, a view, a description.</summary>
    Any,

    /// <summary>"how many", "what share", "by how much".</summary>
    Number,

    /// <summary>"when", "what year".</summary>
    Date,

    /// <summary>"who", "which senators", "which seats", "what is the name of": a person, body, place or thing by name.</summary>
    Name,

    /// <summary>"where", "in which city".</summary>
    Place,
}

/// <summary>
/// Reads the <see cref="FactKind"/> a question asks for from its first question word, and whether a passage holds such
/// a fact beyond what the question already says. Plain English wording, nothing about any article.
/// </summary>
public static partial class FactKinds
{
    public static FactKind Of(string question)
    {
        var first = Asks().Match(question);
        if (!first.Success)
        {
            return FactKind.Any;
        }

        var phrase = first.Value.ToLowerInvariant();
        return phrase switch
        {
            _ when NumberPhrase().IsMatch(phrase) => FactKind.Number,
            _ when DatePhrase().IsMatch(phrase) => FactKind.Date,
            _ when PlacePhrase().IsMatch(phrase) => FactKind.Place,
            _ when NamePhrase().IsMatch(phrase) => FactKind.Name,
            "which" when WhichThings().IsMatch(question, first.Index + first.Length) => FactKind.Name,
            _ => FactKind.Any,
        };
    }

    /// <summary>
    /// Whether <paramref name="passage"/> holds a fact of <paramref name="kind"/> that <paramref name="question"/> does
    /// not already state (a year is no count, unless a year is asked for).
    /// </summary>
    public static bool Holds(FactKind kind, string passage, string question)
    {
        var asked = question.ToLowerInvariant();
        switch (kind)
        {
            case FactKind.Number:
                return NumberWord().Matches(passage).Any(m => !Year().IsMatch(m.Value) && !asked.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal));
            case FactKind.Date:
                return Year().Matches(passage).Concat(DateWord().Matches(passage)).Any(m => !asked.Contains(m.Value.ToLowerInvariant(), StringComparison.Ordinal));
            case FactKind.Name:
            case FactKind.Place:
                return Names(passage).Any(name => !asked.Contains(name.ToLowerInvariant(), StringComparison.Ordinal));
            default:
                return true;
        }
    }

    /// <summary>Capitalised words that are not the first of a sentence, nor month, day or function words.</summary>
    private static IEnumerable<string> Names(string passage)
    {
        foreach (Match match in Capitalized().Matches(passage))
        {
            var before = passage.AsSpan(0, match.Index).TrimEnd(" “\"‘'(");
            var sentenceStart = before.Length == 0 || before[^1] is '.' or '?' or '!' or ':' or '—';
            var word = match.Value.TrimEnd('.', '’', '\'');
            if (!sentenceStart && word.Length > 1 && !NotNames().IsMatch(word))
            {
                yield return word;
            }
        }
    }

    // The first question word and what qualifies it: "how many", "which senators", "what is the name".
    [GeneratedRegex(@"\b(?:how (?:many|much|big|large|high|low|far|long|old|often)|by how (?:much|many)|(?:what|which) (?:\w+ ){0,2}?(?:percent|percentage|share|proportion|fraction|number|amount|sum|margin|rate|size|total|figure|cost|price|year|date|day|month|time|person|people|official|officials|politician|politicians|man|woman|leader|leaders|judge|justice|senator|senators|governor|governors|lawyer|lawyers|scientist|economist|professor|expert|experts|candidate|candidates|firm|firms|company|companies|group|groups|organization|organisation|agency|outlet|newspaper|journal|court|university|party|country|countries|state|states|city|cities|county|place|district|region|name|names)|who|whom|whose|when|where|since when|what|which|why|how)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asks();

    [GeneratedRegex(@"^(?:how (?:many|much|big|large|high|low|far|long|old|often)|by how|(?:what|which) .*(?:percent|percentage|share|proportion|fraction|number|amount|sum|margin|rate|size|total|figure|cost|price)$)")]
    private static partial Regex NumberPhrase();

    [GeneratedRegex(@"^(?:when|since when|(?:what|which) .*(?:year|date|day|month|time)$)")]
    private static partial Regex DatePhrase();

    // "Which wars ...", "which specific facilities ...": instances of a kind, named; not "which is", "which of", "which way".
    [GeneratedRegex(@"\G\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|of|one|ones|way|ways|side|sides|part|parts|kind|kinds|sort|type|types|policy|policies|approach|option|options|argument|arguments|reason|reasons|point|points|idea|ideas|problem|problems|issue|issues|claim|claims|step|steps)\b)\p{L}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhichThings();

    [GeneratedRegex(@"^(?:where|(?:what|which) .*(?:country|countries|state|states|city|cities|county|place|district|region)$)")]
    private static partial Regex PlacePhrase();

    [GeneratedRegex(@"^(?:who|whom|whose|(?:what|which) .*(?:person|people|official|officials|politician|politicians|man|woman|leader|leaders|judge|justice|senator|senators|governor|governors|lawyer|lawyers|scientist|economist|professor|expert|experts|candidate|candidates|firm|firms|company|companies|group|groups|organization|organisation|agency|outlet|newspaper|journal|court|university|party|name|names)$)")]
    private static partial Regex NamePhrase();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter|percent|majority|double|triple)(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(?:1[5-9]\d\d|20\d\d)s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|(?:last|this|next) (?:week|month|year)|decades?|centur(?:y|ies))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateWord();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’.\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Capitalized();

    [GeneratedRegex(@"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|But|And|Or|In|On|At|For|If|As|It|Its|This|That|These|Those|He|She|They|We|I|Mr|Mrs|Ms|Dr|So|Yet|Still|Then|When|While|What|Why|How|Who|Where|Which|Our|Their|His|Her)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotNames();
}
