using System.Collections.Immutable;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Builds what the user reads: a quote of one or two adjacent sentences, cut from the cited paragraph itself so it is
/// verbatim by construction, and the decline message that lists what an article covers.
/// </summary>
public static class AnswerComposer
{
    private const int ShortSentence = 70;

    /// <summary>
    /// The best sentence of the paragraph by <paramref name="sentenceScore"/> (sentence index → score), joined with its
    /// better neighbour when that one scores nearly as well or the best one is too short to stand alone.
    /// </summary>
    public static Citation Quote(ArticleIndex index, int paragraph, Func<int, double> sentenceScore)
    {
        var text = index.Article.Paragraph(paragraph);
        var sentences = index.Sentences[paragraph - 1];
        var scores = Enumerable.Range(0, sentences.Length).Select(sentenceScore).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        var first = best;
        var last = best;
        var neighbour = best + 1 < sentences.Length && (best == 0 || scores[best + 1] >= scores[best - 1]) ? best + 1 : best - 1;
        if (neighbour >= 0 && neighbour < sentences.Length
            && (scores[neighbour] >= 0.85 * scores[best] || sentences[best].Length < ShortSentence))
        {
            first = Math.Min(best, neighbour);
            last = Math.Max(best, neighbour);
        }

        var start = text.IndexOf(sentences[first], StringComparison.Ordinal);
        var end = text.IndexOf(sentences[last], start, StringComparison.Ordinal) + sentences[last].Length;
        return new Citation(index.Article.Slug, paragraph, text[start..end]);
    }

    /// <summary>
    /// "The article doesn't address that. It covers: ..." with the position titles (or paragraph openings). With one
    /// article and an <paramref name="explanation"/> ("the article gives no date for that"), the explanation opens instead.
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

    private static string Covers(Article article) =>
        article.Positions.Length > 0
            ? string.Join("; ", article.Positions.Select(p => p.Title))
            : string.Join("; ", article.Paragraphs.Select((p, i) => $"¶{i + 1} {Opening(p)}"));

    private static string Opening(string paragraph)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 8 ? paragraph : string.Join(' ', words.Take(8)) + "…";
    }
}
