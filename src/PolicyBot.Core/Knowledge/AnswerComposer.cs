using System.Collections.Immutable;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Builds what the member reads: a quote of one or two adjacent sentences, cut from the cited paragraph itself so it
/// is verbatim by construction, and the decline that lists what an article covers.
/// </summary>
public static class AnswerComposer
{
    private const int ShortSentence = 70;

    /// <summary>
    /// The best sentence of the paragraph by <paramref name="sentenceScore"/> (sentence index → score), joined with its
    /// better neighbour when that one scores nearly as well or the best one is too short to stand alone.
    /// </summary>
    public static Citation Quote(ArticleText text, int paragraph, Func<int, double> sentenceScore)
    {
        var whole = text.Article.Paragraph(paragraph);
        var sentences = text.Sentences[paragraph - 1];
        if (sentences.IsEmpty)
        {
            return new Citation(text.Article.Slug, paragraph, whole);
        }

        var scores = Enumerable.Range(0, sentences.Length).Select(sentenceScore).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        var (first, last) = (best, best);
        var neighbour = best + 1 < sentences.Length && (best == 0 || scores[best + 1] >= scores[best - 1]) ? best + 1 : best - 1;
        if (neighbour >= 0 && neighbour < sentences.Length
            && (scores[neighbour] >= 0.85 * scores[best] || sentences[best].Length < ShortSentence))
        {
            (first, last) = (Math.Min(best, neighbour), Math.Max(best, neighbour));
        }

        var start = whole.IndexOf(sentences[first], StringComparison.Ordinal);
        var end = whole.IndexOf(sentences[last], start, StringComparison.Ordinal) + sentences[last].Length;
        return new Citation(text.Article.Slug, paragraph, whole[start..end]);
    }

    /// <summary>
    /// "The article doesn't address that. It covers: ..." with the curated positions' titles (or paragraph openings).
    /// With one article and an <paramref name="explanation"/> ("the article never mentions ..."), the explanation opens.
    /// </summary>
    public static string DeclineText(IReadOnlyList<Article> articles, string? explanation = null)
    {
        if (articles.Count == 1)
        {
            var opening = explanation is null ? "The article doesn't address that" : char.ToUpperInvariant(explanation[0]) + explanation[1..];
            return $"{MentionGuard.Defuse(opening)}. It covers: {Covers(articles[0])}.";
        }

        return "The articles don't address that. They cover: "
            + string.Join(" | ", articles.Select(a => $"{a.Slug}: {Covers(a)}")) + ".";
    }

    public static Answer Decline(string question, IReadOnlyList<Article> articles, AnswerSignals signals, string? explanation = null) =>
        new(question, true, DeclineText(articles, explanation), ImmutableArray<Citation>.Empty, articles.Count == 1 ? articles[0] : null, null, signals);

    // What a decline lists: the curated positions' titles, else the opening words of the first few paragraphs.
    private const int ListedOpenings = 6;

    private static string Covers(Article article) =>
        article.Positions.Length > 0
            ? string.Join("; ", article.Positions.Select(p => p.Title))
            : string.Join("; ", article.Paragraphs.Take(ListedOpenings).Select((p, i) => $"¶{i + 1} {Opening(p)}"))
              + (article.ParagraphCount > ListedOpenings ? $"; … ({article.ParagraphCount} paragraphs in all)" : string.Empty);

    private static string Opening(string paragraph)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 8 ? paragraph : string.Join(' ', words.Take(8)) + "…";
    }
}
