using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>
/// A question read against one article's words. A sentence-embedding model reads "wat did okafro find acording to
/// the editorial" poorly; it reads "what did okafor find" well. So the question is also read as <see cref="Clean"/>:
/// chat shorthand spelled out, misspellings of the article's words repaired, and the framing that names the text
/// itself ("according to the editorial", "in the author's view") dropped, since every passage is the author's.
/// </summary>
/// <param name="Original">As typed.</param>
/// <param name="Repaired">Shorthand spelled out, misspellings repaired: the question as a person would write it.</param>
/// <param name="Clean"><paramref name="Repaired"/> with the framing dropped: the question as a passage would answer it.</param>
public sealed partial record QuestionText(string Original, string Repaired, string Clean)
{
    /// <summary>The question taken as typed, for when the repair stage is off.</summary>
    public static QuestionText AsTyped(string question) => new(question, question, question);

    public static QuestionText Read(string question, Vocabulary vocabulary)
    {
        var repaired = new StringBuilder(question.Length);
        foreach (Match piece in Pieces().Matches(question))
        {
            repaired.Append(Repair(piece.Value, vocabulary));
        }

        var whole = Spaces().Replace(repaired.ToString(), " ").Trim();
        var clean = Tidy(Framing().Replace(whole, " "));
        return new QuestionText(question, whole, clean.Trim('?', '!', '.', ' ').Length == 0 ? whole : clean);
    }

    // What removing a phrase leaves behind: doubled spaces, a space or comma before the question mark, a comma first.
    private static string Tidy(string text) =>
        LeadingPunctuation().Replace(DanglingComma().Replace(SpaceBeforePunctuation().Replace(Spaces().Replace(text, " "), "$1"), "$1"), string.Empty).Trim();

    private static string Repair(string piece, Vocabulary vocabulary)
    {
        if (!char.IsLetterOrDigit(piece[0]))
        {
            return piece;
        }

        var lower = piece.ToLowerInvariant().Replace('’', '\'');
        if (ChatShorthand.Expand(lower) is { } expanded)
        {
            return expanded;
        }

        var possessive = lower.EndsWith("'s", StringComparison.Ordinal);
        var bare = possessive ? lower[..^2] : lower;
        return vocabulary.Repair(bare) is { } word ? word + (possessive ? "'s" : string.Empty) : piece;
    }

    // Words, with inner apostrophes and a few shorthand forms ("w/", "gov't"); runs of anything else.
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*/?|[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Pieces();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,?.!;:])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@",([?.!])", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingComma();

    [GeneratedRegex(@"^[\s,;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPunctuation();

    private const string TextNoun = @"(?:editorial board|editorial|article|piece|author|authors|writer|writers|editors|editor|essay|column|columnist|op-?ed|op ed)";

    // "according to the editorial", "in the author's view", "does the piece say": the text naming itself. Not "who is
    // the author?", which asks about the author.
    [GeneratedRegex(
        @"\b(?:according to|in the view of|per) (?:the |this |that )?" + TextNoun + @"(?:'s|’s|s')?\b"
        + @"|\b(?:in|by) (?:the |this |that )?" + TextNoun + @"(?:'s|’s|s')? (?:view|opinion|telling|account|reckoning|words)\b"
        + @"|\b(?:in|from) (?:the |this |that )" + TextNoun + @"\b"
        + @"|\b(?:does|do|did|would|will|can) (?:the |this |that )" + TextNoun + @" (?:say|think|argue|claim|believe|suggest|mention|discuss|propose|recommend|want|explain|describe|feel|see|make of|conclude|predict|worry|fear|hope|expect|mean|consider|call)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Framing();
}
