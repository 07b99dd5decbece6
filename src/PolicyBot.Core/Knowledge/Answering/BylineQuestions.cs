using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Questions about the piece itself rather than its argument ("who wrote this?", "when was it published?") are
/// answered from its front matter, quoting the paragraph that introduces the author when there is one.
/// </summary>
public static partial class BylineQuestions
{
    /// <summary>The answer from the front matter, or null when the question is not about the byline.</summary>
    public static Answer? TryAnswer(string question, Article article)
    {
        if (AsksAuthor().IsMatch(question))
        {
            var bio = BioParagraph(article);
            var citations = bio is { } p ? [new Citation(article.Slug, p, article.Paragraph(p))] : ImmutableArray<Citation>.Empty;
            return new Answer(question, false, $"It was written by {article.Author} ({article.Outlet}).", citations, article, null, new AnswerSignals(1, "the byline"));
        }

        if (AsksDate().IsMatch(question))
        {
            var summary = string.IsNullOrWhiteSpace(article.Published)
                ? $"The piece gives no publication date ({article.Outlet})."
                : $"Published: {article.Published} ({article.Outlet}).";
            return new Answer(question, false, summary, [], article, null, new AnswerSignals(1, "the byline"));
        }

        return null;
    }

    // The last paragraph that names the author by surname, as a closing note about them often does ("Jane Smith is a
    // fellow at ..."). A board or staff byline names no person.
    public static int? BioParagraph(Article article)
    {
        var surname = article.Author.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim('.', ',');
        if (surname is not { Length: > 2 } || !char.IsUpper(surname[0]) || Collective().IsMatch(article.Author))
        {
            return null;
        }

        for (var p = article.ParagraphCount; p >= 1; p--)
        {
            if (Regex.IsMatch(article.Paragraph(p), $@"\b{Regex.Escape(surname)}\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                return p;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:board|editors|staff|unknown)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Collective();

    [GeneratedRegex(
        @"\bwho(?:'s| is| was|s)? (?:the )?(?:author|writer|columnist)s?\b|\bwho (?:wrote|writes|authored|penned) (?:this|it|the (?:piece|article|editorial|op-?ed|column|essay))\b"
        + @"|\b(?:author|writer|columnist)(?:'s|s)? (?:name|background|bio|credentials)\b|\bwho(?:'s| is) behind (?:this|the) (?:piece|article|editorial|op-?ed)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksAuthor();

    [GeneratedRegex(
        @"\bwhen (?:was|is) (?:this|it|the (?:piece|article|editorial|op-?ed|column|essay)) (?:written|published|posted|out|from)\b|\bpublication date\b|\bhow old is (?:this|the) (?:piece|article|editorial|op-?ed)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksDate();
}
