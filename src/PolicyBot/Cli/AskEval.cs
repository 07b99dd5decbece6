using System.Globalization;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Training;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot ask-eval</c>: answer quality, measured.
/// <list type="bullet">
/// <item><c>ask-eval &lt;questions.jsonl&gt;</c>: the shipped answerer on one file's questions about the configured
/// articles (the file's questions, and copies of them, are held out of the articles' labelled questions).
/// <c>--without-data</c> ignores the articles' positions and labelled questions; <c>--baseline</c> measures plain BM25.</item>
/// <item><c>ask-eval --corpus &lt;folder&gt;</c>: trains the learned stages on one half of a corpus of articles
/// (<see cref="EvalCorpus"/>) and reports, per article and pooled beside BM25, on the other half, one article loaded at a
/// time. <c>--ablate</c> retrains without each stage in turn to show what it adds; <c>--shipped</c> uses the shipped
/// models instead of training.</item>
/// </list>
/// The exit code is 0 when the targets are met (corpus: 85 % right paragraph, 90 % declined; file: 97 %, 97 %; no
/// fabricated quote).
/// </summary>
public static class AskEval
{
    public sealed record Settings(
        string? ArticlesPath, string? QuestionsFile, string? Corpus, string Train, string Report,
        bool Baseline, bool WithoutData, bool Ablate, bool Shipped, bool Misses)
    {
        /// <summary>Corpus mode: also read with snowflake-arctic-embed-xs (the shipped answerer does not; this measures what it would add).</summary>
        public bool RetrievalModel { get; init; }

        /// <summary>Corpus mode: report on these questions (<c>&lt;slug&gt;.jsonl</c>) instead of the corpus's own for the reported half.</summary>
        public string? ReportQuestions { get; init; }

        /// <summary>Phrase every answer with the configured language model and report both, with its fallbacks.</summary>
        public bool Generation { get; init; }

        /// <summary>The model to phrase with instead of the configured one (tests).</summary>
        public PolicyBot.Core.Knowledge.Generation.GenerationOptions? Model { get; init; }

        /// <summary>Corpus mode: stages to leave out of every measurement.</summary>
        public AnswerStages Without { get; init; }

        public AnswerStages Stages => (AnswerStages.All & ~Without) & (RetrievalModel ? AnswerStages.All : ~AnswerStages.RetrievalModel);
    }

    public static async Task<int> RunAsync(Settings settings, TextWriter output, CancellationToken ct)
    {
        GenerationEval? generation = null;
        if (settings.Generation && (generation = GenerationEval.TryCreate(settings.Model, out var problem)) is null)
        {
            await output.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        return settings.Corpus is { } corpus && settings.QuestionsFile is null
            ? await CorpusAsync(settings, corpus, generation, output, ct).ConfigureAwait(false)
            : await FileAsync(settings, generation, output, ct).ConfigureAwait(false);
    }

    private static async Task<int> FileAsync(Settings settings, GenerationEval? generation, TextWriter output, CancellationToken ct)
    {
        var file = settings.QuestionsFile ?? throw new ArgumentException("Give a questions file or --corpus <folder>.");
        var articles = CliArticles.Load(settings.ArticlesPath);
        var library = settings.WithoutData
            ? new ArticleLibrary(articles.Library.Articles.Select(a => a with { Positions = [], LabelledQuestions = [] }), articles.Options.DefaultArticle)
            : articles.Library;
        var cases = await EvalCase.ReadJsonLinesAsync(file, ct).ConfigureAwait(false);
        const double Target = 0.97;
        if (settings.Baseline)
        {
            return await PrintAsync(await AnswerEvaluator.EvaluateAsync(new Bm25BaselineAnswerer(library), library, cases, ct).ConfigureAwait(false), "BM25 over paragraphs", Target, Target, settings.Misses, output).ConfigureAwait(false);
        }

        using var encoders = articles.NewEncoders();
        var indexes = ArticleIndexes.ForEvaluation(encoders, EmbeddingCache.ForArticles(articles.Folder, articles.Options.EmbeddingCachePath), articles.Answering, [.. cases.Select(c => c.Question)]);
        var label = settings.WithoutData ? "answerer, without the articles' data files" : "answerer";
        var status = await EvaluateFileAsync(AnswerStages.All, AnswerModels.Shipped, label, settings.Misses, generation).ConfigureAwait(false);
        if (settings.Ablate)
        {
            await output.WriteLineAsync("Without each stage (learned stages retrained on the whole corpus without it):").ConfigureAwait(false);
            var corpus = await EvalCorpus.LoadAsync(settings.Corpus ?? Path.Combine("tests", "eval"), ct).ConfigureAwait(false);

            // Retrained models start from plain MiniLM, as train-answerer does, and read as their own tuning reads: the
            // production encoders read articles with the shipped tuning.
            using var plain = Encoders.Production(articles.Options.InferenceThreads, AnswerModels.Shipped.UsesRetrievalModel);
            var plainIndexes = ArticleIndexes.ForEvaluation(plain, EmbeddingCache.ForArticles(articles.Folder, articles.Options.EmbeddingCachePath), articles.Answering, [.. cases.Select(c => c.Question)]);
            var training = new CorpusEvaluation(CorpusIndexes(articles, plain), articles.Answering);
            foreach (var stage in Stages())
            {
                var stages = AnswerStages.All & ~stage;
                var models = stage == AnswerStages.LabelledQuestions ? AnswerModels.Shipped : await training.TrainAsync(corpus.Articles, stages, $"corpus without {stage}", ct).ConfigureAwait(false);
                await EvaluateFileAsync(stages, models, $"  without {stage}", misses: false, reading: ReferenceEquals(models, AnswerModels.Shipped) ? indexes : plainIndexes.For(models.Tuning)).ConfigureAwait(false);
            }
        }

        return status;

        async Task<int> EvaluateFileAsync(AnswerStages stages, AnswerModels models, string name, bool misses, GenerationEval? phrasing = null, ArticleIndexes? reading = null)
        {
            var pipeline = new AnswerPipeline(new FixedArticles(library), reading ?? indexes, models, articles.Answering, stages);
            var report = await AnswerEvaluator.EvaluateAsync(phrasing?.Around(pipeline) ?? pipeline, library, cases, ct).ConfigureAwait(false);
            if (phrasing is not null)
            {
                await PrintGenerationAsync(phrasing, await phrasing.ExtractiveReportAsync(library, report, ct).ConfigureAwait(false), name, output).ConfigureAwait(false);
                name += ", phrased by the language model";
            }

            return await PrintAsync(report, name, Target, Target, misses, output).ConfigureAwait(false);
        }
    }

    private static async Task<int> CorpusAsync(Settings settings, string folder, GenerationEval? generation, TextWriter output, CancellationToken ct)
    {
        var corpus = await EvalCorpus.LoadAsync(folder, ct).ConfigureAwait(false);
        var report = settings.ReportQuestions is { } other
            ? await corpus.WithQuestionsAsync(corpus.Half(settings.Report), other, ct).ConfigureAwait(false)
            : corpus.Half(settings.Report);
        // "loao" and "others" answer each reported article with models trained without it: on the reported half's other
        // articles (plus any halves named after a '+', "loao+written"), or on every other article of the corpus.
        var (mode, added) = settings.Train.Split('+', 2) is [var first, var rest] ? (first, rest) : (settings.Train, null);
        var leaveOneOut = mode is "loao" or "others";
        IReadOnlyList<CorpusArticle> pool = mode == "others" ? corpus.Articles : [.. report, .. added is null ? [] : corpus.Half(added)];
        var train = settings.Train switch
        {
            "rest" => corpus.Except(settings.Report),
            _ when leaveOneOut => [],
            _ => corpus.Half(settings.Train),
        };
        var trainedOn = settings.Shipped ? "as shipped"
            : mode == "others" ? "trained on every other article of the corpus, one article left out at a time"
            : mode == "loao" ? $"trained on the half's other articles{(added is null ? "" : $" and the '{added}' half")}, one article left out at a time"
            : $"trained on the '{settings.Train}' half ({train.Count} articles)";
        var articles = CliArticles.Load(settings.ArticlesPath);
        using var encoders = settings.Shipped ? articles.NewEncoders() : Encoders.Production(articles.Options.InferenceThreads, settings.RetrievalModel);
        var all = settings.Shipped ? AnswerStages.All : settings.Stages;
        var evaluation = new CorpusEvaluation(CorpusIndexes(articles, encoders), articles.Answering);

        var results = leaveOneOut
            ? await LeaveOneOutAsync(all).ConfigureAwait(false)
            : await evaluation.EvaluateAsync(report, await ModelsAsync(all).ConfigureAwait(false), all, ct, generation is null ? null : generation.Around).ConfigureAwait(false);
        if (generation is not null)
        {
            var extractive = new List<(CorpusArticle, EvalReport)>();
            foreach (var (article, withModel) in results)
            {
                extractive.Add((article, await generation.ExtractiveReportAsync(new ArticleLibrary([article.Article]), withModel, ct).ConfigureAwait(false)));
            }

            await PrintGenerationAsync(generation, CorpusEvaluation.Pool(extractive), "pooled", output).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Reported on the '{settings.Report}' half ({report.Count} articles), models {trainedOn}:").ConfigureAwait(false);
        var baseline = await CorpusEvaluation.BaselineAsync(report, ct).ConfigureAwait(false);
        await output.WriteLineAsync(CorpusEvaluation.Table(results, baseline)).ConfigureAwait(false);
        var pooled = CorpusEvaluation.Pool(results);
        await output.WriteLineAsync(Sweep(pooled)).ConfigureAwait(false);
        var status = await PrintAsync(pooled, "pooled", 0.85, 0.90, settings.Misses, output).ConfigureAwait(false);

        if (settings.Ablate)
        {
            await output.WriteLineAsync("What each stage adds (retrained without it, same halves):").ConfigureAwait(false);
            foreach (var stage in Stages().Where(s => s != AnswerStages.LabelledQuestions && all.HasFlag(s)))
            {
                var stages = all & ~stage;
                var ablated = CorpusEvaluation.Pool(leaveOneOut
                    ? await LeaveOneOutAsync(stages).ConfigureAwait(false)
                    : await evaluation.EvaluateAsync(report, await ModelsAsync(stages).ConfigureAwait(false), stages, ct).ConfigureAwait(false));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  without {stage.ToString().Replace(", ", "+", StringComparison.Ordinal),-17} right {ablated.OnTopicAccuracy:P1} ({(pooled.OnTopicAccuracy - ablated.OnTopicAccuracy) * 100:+0.0;-0.0} points for the stage), declined {ablated.DeclineRate:P1} ({(pooled.DeclineRate - ablated.DeclineRate) * 100:+0.0;-0.0})")).ConfigureAwait(false);
            }
        }

        return status;

        async Task<AnswerModels> ModelsAsync(AnswerStages stages) =>
            settings.Shipped ? AnswerModels.Shipped : await evaluation.TrainAsync(train, stages, $"{settings.Train} half of {folder}", ct).ConfigureAwait(false);

        // Each article of the reported half, answered by models trained on the pool's other articles.
        async Task<IReadOnlyList<(CorpusArticle Article, EvalReport Report)>> LeaveOneOutAsync(AnswerStages stages)
        {
            var reports = new List<(CorpusArticle, EvalReport)>();
            foreach (var article in report)
            {
                var others = pool.Where(a => a.Article.Slug != article.Article.Slug).ToList();
                var models = await evaluation.TrainAsync(others, stages, $"{settings.Train} but {article.Article.Slug}", ct).ConfigureAwait(false);
                reports.AddRange(await evaluation.EvaluateAsync([article], models, stages, ct).ConfigureAwait(false));
            }

            return reports;
        }
    }

    // The corpus articles' encodings are cached like any article's, in the configured cache folder.
    private static ArticleIndexes CorpusIndexes(CliArticles articles, Encoders encoders) =>
        new(encoders, new EmbeddingCache(articles.Options.EmbeddingCachePath), articles.Answering, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleIndexes>.Instance);

    private static IEnumerable<AnswerStages> Stages() =>
        Enum.GetValues<AnswerStages>().Where(s => s is not (AnswerStages.None or AnswerStages.All));

    // What other decline thresholds would give on the same answers (the labelled-questions vote aside).
    private static string Sweep(EvalReport report)
    {
        var lines = new List<string> { "decline threshold: right paragraph / declined" };
        foreach (var threshold in new[] { 0.0, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7 })
        {
            var right = report.Outcomes.Count(o => o.Case.OnTopic && o.Answer.Signals.Answerability >= threshold
                && o.Answer.Signals.Candidates.Length > 0 && o.Case.Paragraphs.Contains(o.Answer.Signals.Candidates[0].Paragraph));
            var declined = report.Outcomes.Count(o => !o.Case.OnTopic && o.Answer.Signals.Answerability < threshold);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {threshold:0.0#}: {(double)right / Math.Max(1, report.OnTopic):P1} / {(double)declined / Math.Max(1, report.OffTopic):P1}"));
        }

        // How well the answerability probability separates answerable questions the ranker got right from uncovered ones.
        var positive = report.Outcomes.Where(o => o.Case.OnTopic && o.Answer.Signals.Candidates.Length > 0 && o.Case.Paragraphs.Contains(o.Answer.Signals.Candidates[0].Paragraph)).Select(o => o.Answer.Signals.Answerability).ToArray();
        var negative = report.Outcomes.Where(o => !o.Case.OnTopic).Select(o => o.Answer.Signals.Answerability).ToArray();
        var pairs = positive.Sum(p => negative.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  answerability AUC {pairs / Math.Max(1, positive.Length * negative.Length):F3}"));
        return string.Join('\n', lines);
    }

    // Retrieval alone on the same run, then the model's requests and fallbacks; the figures with the model follow.
    private static async Task PrintGenerationAsync(GenerationEval generation, EvalReport extractive, string label, TextWriter output)
    {
        await output.WriteLineAsync(extractive.Summary($"{label}, retrieval alone (same run)")).ConfigureAwait(false);
        await output.WriteLineAsync(generation.Summary()).ConfigureAwait(false);
    }

    private static async Task<int> PrintAsync(EvalReport report, string label, double accuracyTarget, double declineTarget, bool misses, TextWriter output)
    {
        await output.WriteLineAsync(report.Summary(label)).ConfigureAwait(false);
        foreach (var miss in misses ? report.Outcomes.Where(o => !o.Correct || o.FabricatedQuotes > 0) : [])
        {
            var expected = miss.Case.OnTopic ? "¶" + string.Join(",¶", miss.Case.Paragraphs) : "decline";
            var got = miss.Answer.Declined ? $"declined ({miss.Answer.Signals.Reason})" : "¶" + string.Join(",¶", miss.Answer.Citations.Select(c => c.Paragraph));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  miss: [{miss.Case.Article}] \"{miss.Case.Question}\" expected {expected}, got {got}; answerability {miss.Answer.Signals.Answerability:F2}; ranked {string.Join(", ", miss.Answer.Signals.Candidates.Select(c => $"¶{c.Paragraph} {c.Score:F2}"))}")).ConfigureAwait(false);
        }

        var met = report.OnTopicAccuracy >= accuracyTarget && report.DeclineRate >= declineTarget && report.FabricatedQuotes == 0;
        await output.WriteLineAsync($"targets ({accuracyTarget:P0} right, {declineTarget:P0} declined, no fabricated quote) met: {(met ? "yes" : "no")}").ConfigureAwait(false);
        return met ? 0 : 1;
    }
}
