using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// The yardstick for <see cref="AnswerPipeline"/>: plain BM25 over paragraphs, declining when less than
/// <see cref="MinimumCoverage"/> of the question's content words are in the article. No models, no repairs.
/// </summary>
public sealed class Bm25BaselineAnswerer(ArticleLibrary library) : IAnswerer
{
    public const double MinimumCoverage = 0.5;

    private readonly Dictionary<string, ArticleText> _texts = library.Articles.ToDictionary(a => a.Slug, a => new ArticleText(a), StringComparer.OrdinalIgnoreCase);

    public Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken)
    {
        question = question.Trim();
        var articles = articleSlug is null
            ? (library.Default is { } only ? [only] : library.Articles.ToArray())
            : [library.TryGet(articleSlug, out var chosen) ? chosen : throw new ArgumentException($"No article '{articleSlug}' is loaded.", nameof(articleSlug))];

        var terms = TextAnalyzer.Terms(question).Distinct(StringComparer.Ordinal).ToArray();
        Answer? best = null;
        var bestScore = 0.0;
        foreach (var article in articles)
        {
            var text = _texts[article.Slug];
            var coverage = terms.Length == 0 ? 0 : (double)terms.Count(text.Vocabulary.Terms.Contains) / terms.Length;
            var scores = text.ParagraphIndex.Score(terms);
            var top = Array.IndexOf(scores, scores.Max());
            if (coverage < MinimumCoverage || scores[top] <= bestScore)
            {
                continue;
            }

            var paragraph = top + 1;
            var quote = AnswerComposer.Quote(text, paragraph, s => TextAnalyzer.Terms(text.Sentences[top][s]).Count(terms.Contains));
            best = new Answer(question, false, $"Paragraph {paragraph} of “{article.Title}” is the closest passage.", [quote], article, null, new AnswerSignals(1, "answered"));
            bestScore = scores[top];
        }

        return Task.FromResult(best ?? AnswerComposer.Decline(question, articles, new AnswerSignals(0, $"less than {MinimumCoverage:P0} of the question's words are in the article")));
    }
}
