using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// What kind of fact a question wants. "When did the Korean War start?" shares every word with an article about war,
/// yet a paragraph holding no date cannot answer it; "how many warheads..." needs a number. Checking the answer's kind
/// catches off-topic questions that look on-topic word for word.
/// </summary>
public enum AnswerKind
{
    Any,
    Time,
    Quantity,
}

/// <summary>Detects the <see cref="AnswerKind"/> a question asks for and whether a passage can supply it.</summary>
public static partial class AnswerKinds
{
    public static AnswerKind Of(string question)
    {
        if (TimeQuestion().IsMatch(question))
        {
            return AnswerKind.Time;
        }

        return QuantityQuestion().IsMatch(question) ? AnswerKind.Quantity : AnswerKind.Any;
    }

    /// <summary>True when <paramref name="passage"/> holds something of <paramref name="kind"/>: a date or span, or a number.</summary>
    public static bool Supplies(AnswerKind kind, string passage) => kind switch
    {
        AnswerKind.Time => TimeExpression().IsMatch(passage),
        AnswerKind.Quantity => NumberExpression().IsMatch(passage),
        _ => true,
    };

    // "When will...", "so when did...", "what year...", "how long...", "since when".
    [GeneratedRegex(@"^\W*(?:(?:so|and|but|ok|okay)\W+)?when\b|\b(?:what|which)\s+(?:year|month|date|day)\b|\bhow\s+long\b|\bsince\s+when\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();

    // "How many troops...", "what is the size of...", "how big is..."; not "how much should we expect".
    [GeneratedRegex(@"\bhow\s+many\b|\bhow\s+(?:big|large|much\s+(?:money|aid|food|oil|does\s+it\s+cost))\b|\b(?:size|number|population|amount|count)\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"\b(?:1[6-9]\d\d|20\d\d|january|february|march|april|june|july|august|september|october|november|december|year-end|new\s+year|(?:this|next|last)\s+(?:week|month|year)|(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b|soon|today|tomorrow|yesterday)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeExpression();

    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|single|double|twice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberExpression();
}
