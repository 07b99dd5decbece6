using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// "What is the year-end deadline about?", "what does normalize mean here?", "what's the deal with the deadline?":
/// a question asking what something is. An opinion piece introduces a thing before it argues about it, so among
/// passages that score nearly alike, the first one that names the thing is where the article says what it is; later
/// ones ("this deadline is meaningless") judge it.
/// </summary>
public static partial class DefinitionCue
{
    /// <summary>How close to the best score an earlier passage naming the subject must be to answer instead.</summary>
    public const double RunnerUpRatio = 0.75;

    private static readonly char[] Quotes = ['\'', '"', '‘', '’', '“', '”', ' '];

    /// <summary>The thing a definitional question asks about ("the year-end deadline"), or null for any other question.</summary>
    public static string? Subject(string question)
    {
        var match = Definition().Match(question);
        if (!match.Success)
        {
            match = Existence().Match(question);
        }

        if (!match.Success)
        {
            match = Inverted().Match(question);
        }

        return match.Success ? match.Groups["subject"].Value.Trim(Quotes) : null;
    }

    /// <summary>
    /// The first of <paramref name="ranked"/>'s close runners-up (in paragraph order) whose paragraph holds every
    /// word of <paramref name="subject"/> that the article uses; null when none does.
    /// </summary>
    public static ParagraphEvidence? FirstNaming(string subject, IReadOnlyList<ParagraphEvidence> ranked, ArticleIndex index)
    {
        var terms = TextAnalyzer.Tokens(subject)
            .Where(t => !StopWords.English.Contains(t.Surface) && !StopWords.QuestionFraming.Contains(t.Surface))
            .Select(t => t.Term)
            .Where(index.Vocabulary.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (terms.Length == 0 || ranked.Count == 0)
        {
            return null;
        }

        var floor = RunnerUpRatio * ranked[0].Score;
        return ranked.Where(e => e.Score >= floor && terms.All(index.ParagraphTerms[e.Paragraph - 1].Contains))
            .OrderBy(e => e.Paragraph)
            .FirstOrDefault();
    }

    // "What is X about/for?", "what exactly is the X Pyongyang set", "whats this X thing about", "what's the deal with
    // X", "what does X mean (here)?", "what is meant by X", "what's this X (everyone keeps mentioning)?" (not "whats this
    // mean for..." nor "what's that got to do with..."). A bare "what is X?" is left alone: "what is the ultimate aim?"
    // asks for the aim, not where it is named.
    [GeneratedRegex(
        @"^\W*(?:(?:so|ok|okay|and|but|wait)\W+)?(?:what(?:['’]?s|\s+is|\s+are|\s+was)\s+(?<subject>[^?]+?)\s+(?:all\s+)?(?:about|for)|what(?:['’]?s|\s+is)\s+the\s+deal\s+with\s+(?<subject>[^?]+?)|what\s+(?:does|do)\s+(?<subject>[^?]+?)\s+mean(?:\s+here|\s+in\s+(?:this|the)\s+(?:article|piece|op-?ed|context))?|what\s+is\s+meant\s+by\s+(?<subject>[^?]+?)|what(?:\s+exactly)?(?:['’]?s|\s+is)\s+(?:exactly\s+)?the\s+(?<subject>[\w-]+(?:\s+[\w-]+)?)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,2}?(?:set|gave|imposed|announced|issued)|what(?:['’]?s|\s+is)\s+(?:this|that)\s+(?!(?:mean|means|got|have|has|do|does|did|supposed|going|gonna|gotta|about|for|to|is|was|all)\b)(?<subject>[^?]+?)(?:\s+(?:everyone|everybody|people|they)\s+[^?]*)?)\W*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Definition();

    // "Is there a deadline?", "wait so theres a deadline? whose is it", "is there some deadline involved, and when is it?":
    // whether a thing exists is answered where the article introduces it. Not "is there any point..." (a view).
    [GeneratedRegex(
        @"^\W*(?:(?:so|ok|okay|and|but|wait)\W+){0,2}(?:is\s+there|there['’]?s|there\s+is)\s+(?:a|an|some)\s+(?<subject>(?!point\b)[\w-]+(?:\s+(?!involved\b)[\w-]+)?)(?:\s+involved)?\s*(?:[?,]|$)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Existence();

    // "the deadline is for what exactly", "deadline's about what?": the same question, asked back to front.
    [GeneratedRegex(@"^\W*(?:(?:so|ok|okay|and|but|wait)\W+){0,2}(?<subject>[^?]+?)(?:['’]s|\s+is|\s+was)\s+(?:for|about)\s+what(?:\s+exactly)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Inverted();
}
