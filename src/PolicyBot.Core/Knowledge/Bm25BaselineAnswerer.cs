using System.Collections.Immutable;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// The yardstick for <see cref="HybridAnswerer"/>: plain BM25 over paragraphs only (no positions, aliases, synonyms or
/// embeddings), declining in the same style from words alone: an unknown name, nothing in common, or less than
/// <see cref="MinimumCoverage"/> of the question's content found in the article.
/// </summary>
public sealed class Bm25BaselineAnswerer(ArticleLibrary library) : IAnswerer
{
    public const double MinimumCoverage = 0.5;

    private readonly Dictionary<string, ArticleIndex> _indexes = library.Articles.ToDictionary(
        a => a.Slug,
        a => new ArticleIndex(a with { Positions = [], Synonyms = [], Actors = ImmutableDictionary<string, ImmutableArray<string>>.Empty }),
        StringComparer.OrdinalIgnoreCase);

    public Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken)
    {
        question = question.Trim();
        var articles = articleSlug is null
            ? (library.Default is { } only ? [only] : library.Articles.ToArray())
            : [library.TryGet(articleSlug, out var chosen) ? chosen : throw new ArgumentException($"No article '{articleSlug}' is loaded.", nameof(articleSlug))];

        Answer? best = null;
        var bestScore = 0.0;
        var signals = new AnswerSignals(0, 0, 0, "no article matched");
        foreach (var article in articles)
        {
            var index = _indexes[article.Slug];
            var analysis = QuestionAnalysis.Analyze(question, index);
            var scores = index.Paragraphs.Score(analysis.QueryTerms);
            var top = Array.IndexOf(scores, scores.Max());
            var relative = scores[top] / ParagraphScorer.IdealScore(analysis.QueryTerms, index.Paragraphs);
            var reason = DeclinePolicy.Default.Evaluate(analysis, similarity: null)
                ?? (analysis.Coverage < MinimumCoverage ? $"coverage {analysis.Coverage:P0} is below {MinimumCoverage:P0}" : null);
            signals = new AnswerSignals(analysis.Coverage, 0, scores[top], reason ?? "answered");
            if (reason is not null || relative <= bestScore)
            {
                continue;
            }

            var paragraph = top + 1;
            var quote = AnswerComposer.Quote(index, paragraph, s => index.SentenceOverlap(analysis.QueryTerms, paragraph, s));
            best = new Answer(question, false, $"Paragraph {paragraph} of “{article.Title}” is the closest passage.", [quote], article, null, signals);
            bestScore = relative;
        }

        return Task.FromResult(best ?? AnswerComposer.Decline(question, articles, signals));
    }
}
