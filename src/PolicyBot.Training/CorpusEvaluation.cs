using System.Globalization;
using System.Text;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Evaluation;

namespace PolicyBot.Training;

/// <summary>
/// Measures the answerer on articles it was not trained or tuned on: trains the learned stages on one set of corpus
/// articles, then asks every question of the other set through the real <see cref="AnswerPipeline"/>, one article loaded
/// at a time (the case of a community dropping in a new piece), beside plain BM25.
/// </summary>
public sealed class CorpusEvaluation(ArticleIndexes indexes, AnsweringOptions options)
{
    private readonly Dictionary<bool, QuestionReader> _readers = new()
    {
        [true] = new QuestionReader(indexes, repair: true),
        [false] = new QuestionReader(indexes, repair: false),
    };

    private readonly Dictionary<(bool Repair, string Article), IReadOnlyList<TrainingExample>> _examples = [];

    /// <summary>Trains on <paramref name="train"/> with <paramref name="stages"/>.</summary>
    public async Task<AnswerModels> TrainAsync(IReadOnlyList<CorpusArticle> train, AnswerStages stages, string trainedOn, CancellationToken cancellationToken)
    {
        var examples = new List<TrainingExample>();
        foreach (var article in train)
        {
            examples.AddRange(await ExamplesAsync(article, stages.HasFlag(AnswerStages.Repair), cancellationToken).ConfigureAwait(false));
        }

        return AnswerTrainer.Train(examples, stages, indexes.Encoders.Retrieval is not null && stages.HasFlag(AnswerStages.RetrievalModel), trainedOn);
    }

    /// <summary>
    /// Every question of <paramref name="test"/>, answered by the pipeline with <paramref name="models"/>, one article
    /// loaded at a time; through <paramref name="around"/> when given (a language model phrasing the answers).
    /// </summary>
    public async Task<IReadOnlyList<(CorpusArticle Article, EvalReport Report)>> EvaluateAsync(
        IReadOnlyList<CorpusArticle> test, AnswerModels models, AnswerStages stages, CancellationToken cancellationToken, Func<IAnswerer, IAnswerer>? around = null)
    {
        var reports = new List<(CorpusArticle, EvalReport)>();
        foreach (var article in test)
        {
            var library = new ArticleLibrary([article.Article]);
            var pipeline = new AnswerPipeline(new FixedArticles(library), indexes.For(models.Tuning), models, options, stages);
            var answerer = around is null ? pipeline : around(pipeline);
            reports.Add((article, await AnswerEvaluator.EvaluateAsync(answerer, library, article.Questions, cancellationToken).ConfigureAwait(false)));
        }

        return reports;
    }

    /// <summary>The same questions through plain BM25 (<see cref="Bm25BaselineAnswerer"/>).</summary>
    public static async Task<IReadOnlyList<(CorpusArticle Article, EvalReport Report)>> BaselineAsync(IReadOnlyList<CorpusArticle> test, CancellationToken cancellationToken)
    {
        var reports = new List<(CorpusArticle, EvalReport)>();
        foreach (var article in test)
        {
            var library = new ArticleLibrary([article.Article]);
            reports.Add((article, await AnswerEvaluator.EvaluateAsync(new Bm25BaselineAnswerer(library), library, article.Questions, cancellationToken).ConfigureAwait(false)));
        }

        return reports;
    }

    /// <summary>The pooled report of several articles' reports.</summary>
    public static EvalReport Pool(IEnumerable<(CorpusArticle Article, EvalReport Report)> reports) => new([.. reports.SelectMany(r => r.Report.Outcomes)]);

    /// <summary>A table: each article's on-topic and decline figures for the answerer and for BM25, then the pooled line.</summary>
    public static string Table(IReadOnlyList<(CorpusArticle Article, EvalReport Report)> answerer, IReadOnlyList<(CorpusArticle Article, EvalReport Report)> baseline)
    {
        var text = new StringBuilder();
        text.AppendLine("| article | right paragraph | declined | fabricated | BM25 right | BM25 declined |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var ((article, report), (_, bm25)) in answerer.Zip(baseline))
        {
            text.AppendLine(Row(article.Article.Slug, report, bm25));
        }

        text.Append(Row("**pooled**", Pool(answerer), Pool(baseline)));
        return text.ToString();

        static string Row(string name, EvalReport r, EvalReport b) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {r.OnTopicCorrect}/{r.OnTopic} ({r.OnTopicAccuracy:P1}) | {r.OffTopicDeclined}/{r.OffTopic} ({r.DeclineRate:P1}) | {r.FabricatedQuotes} | {b.OnTopicCorrect}/{b.OnTopic} ({b.OnTopicAccuracy:P1}) | {b.OffTopicDeclined}/{b.OffTopic} ({b.DeclineRate:P1}) |");
    }

    private async Task<IReadOnlyList<TrainingExample>> ExamplesAsync(CorpusArticle article, bool repair, CancellationToken cancellationToken)
    {
        if (!_examples.TryGetValue((repair, article.Article.Slug), out var examples))
        {
            examples = await TrainingExample.GatherAsync(_readers[repair], [article], cancellationToken).ConfigureAwait(false);
            _examples[(repair, article.Article.Slug)] = examples;
        }

        return examples;
    }
}
