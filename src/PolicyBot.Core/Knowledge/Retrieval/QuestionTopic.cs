using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// The question without the words that frame it as a question about the piece: "Does the author support canceling
/// military drills?" is about "canceling military drills". Framing words pull a sentence embedding towards the
/// passages that talk about the author or the piece itself (the byline, "three points to realize"), so passages are
/// compared with the topic; example questions, which carry the same framing, are still compared with the whole question.
/// </summary>
public static partial class QuestionTopic
{
    // "Who is the author?" is all framing: with fewer topical words than this left, the question stays whole.
    private const int MinimumTopicalWords = 2;

    public static string Of(string question)
    {
        var topic = Spaces().Replace(Framing().Replace(question, " "), " ").Trim(' ', ',');
        return HasTopic(topic) ? MainClause(topic) : question;
    }

    /// <summary>
    /// "If Kim won't disarm, why bother negotiating?" asks about negotiating; the condition only sets the scene. When the
    /// main clause has a topic of its own, it is returned without the condition ("what happens if..." stays whole).
    /// </summary>
    private static string MainClause(string question)
    {
        var main = Spaces().Replace(TrailingReason().Replace(LeadingCondition().Replace(question, " "), string.Empty), " ").Trim(' ', ',');
        return HasTopic(main) ? main : question;
    }

    private static bool HasTopic(string text) =>
        TextAnalyzer.Tokens(text).Count(t => !StopWords.English.Contains(t.Surface) && !StopWords.QuestionFraming.Contains(t.Surface)) >= MinimumTopicalWords;

    // "If Kim won't disarm, ...", "given that the deadline is near, ...", "ok but if kim won't denuclearize why ...":
    // up to the comma, or to the question word that opens the main clause (not an auxiliary: "if talks are stalled" has one;
    // "is there", "should we" and the like do open one: "if kim wont disarm is there any point talking").
    [GeneratedRegex(
        @"^\W*(?:(?:ok|okay|so|but|and|well)\W+)*(?:if|since(?!\s+when\b)|given(?:\s+that)?|because|unless|even\s+if|now\s+that)\b(?:[^,?]*?,|[^,?]*?(?=\b(?:why|what|how|is\s+there|are\s+there|does\s+it|do\s+we|should\s+we|can\s+we)\b))",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadingCondition();

    // "... shouldn't bother negotiating since Kim won't disarm?", "... is worthless given Kim won't denuclearize?"; not
    // "because of the sanctions", "given to Kim", "since the Singapore summit" (a phrase, not a reason clause).
    [GeneratedRegex(@"[\s,]+(?:since(?!\s+(?:the|last|then|when|\d))|given(?:\s+that)?(?!\s+(?:to|by|the|a|an|up|in|out)\b)|because(?!\s+of\b)|considering(?:\s+that)?|seeing\s+(?:as|that))\s[^?]*", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingReason();

    // "according to the article", "per the author", "does the writer think (that)", "does she think", "is the piece
    // saying", "the author's".
    [GeneratedRegex(
        @"\b(?:according\s+to|per|in|from)\s+(?:the|this)\s+(?:article|piece|op-ed|author|writer|column|essay)\b,?"
        + @"|\b(?:does|did|do|is|would|will)\s+(?:(?:the|this)\s+(?:author|writer|article|piece|op-ed|columnist)(?!['’]s)|she|he)"
        + @"(?:\s+(?:think|say|argue|believe|suggest|propose|recommend|support|want|claim|mention|saying|arguing|suggesting|proposing|recommending|call\s+for|favor|expect))?(?:\s+(?:that|about|of))?\b"
        + @"|\bthe\s+(?:author|writer)['’]s\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Framing();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
