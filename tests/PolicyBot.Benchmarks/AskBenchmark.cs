using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Benchmarks;

/// <summary>
/// A Stopwatch load driver for ask (BenchmarkDotNet's per-call statistics hide the cold start and the tail we care about):
/// time to the first answer after start-up, warm answers to questions the answerer has not seen (each one costs an
/// inference per model), sequentially, without the article's data files, and with two concurrent askers, the time from an article's file landing in a
/// followed folder to its first answer, and the resident memory.
/// Usage: <c>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- ask-load [answers=400] [questions.jsonl ...]</c>.
/// </summary>
public static class AskBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 400;
        var articles = Path.Combine(AppContext.BaseDirectory, "config", "articles");
        var questions = await LoadQuestionsAsync(args.Skip(1).ToArray());

        // The first answer in this process is the real cold start (runtime, JIT, models) of a fresh install: the article
        // encodings come from config/articles/embeddings.
        var clock = Stopwatch.StartNew();
        using var encoders = Encoders.Production(inferenceThreads: 1, AnswerModels.Shipped.UsesRetrievalModel, questionTuning: AnswerModels.Shipped.Tuning);
        var library = ArticleLibrary.Load(articles);
        var indexes = new ArticleIndexes(encoders, EmbeddingCache.ForArticles(articles, null), new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);
        var answerer = new AnswerPipeline(new FixedArticles(library), indexes, AnswerModels.Shipped, new AnsweringOptions());
        await answerer.AnswerAsync(questions[0], null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first answer after start-up: {clock.ElapsedMilliseconds} ms (encodings shipped in config/articles/embeddings)"));

        var sequential = await MeasureAsync(answerer, questions, count, workers: 1);
        Report("warm answers, 1 asker", sequential);

        // The case that matters most: an article with no data files, so no labelled questions to meet as well.
        var bare = new ArticleLibrary(library.Articles.Select(a => a with { Positions = [], LabelledQuestions = [] }));
        var bareAnswerer = new AnswerPipeline(new FixedArticles(bare), indexes, AnswerModels.Shipped, new AnsweringOptions());
        Report("warm answers, the article without its data files, 1 asker", await MeasureAsync(bareAnswerer, questions, count, workers: 1));
        var concurrent = await MeasureAsync(answerer, questions, count, workers: 2);
        Report("warm answers, 2 concurrent askers", concurrent);
        await MeasureAsync(answerer, questions, questions.Length, workers: 1, unique: false); // fills the encoding cache
        var repeated = await MeasureAsync(answerer, questions, count, workers: 1, unique: false);
        Report("repeated questions (no inference)", repeated);

        var landings = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            landings.Add(await TimeToAnswerANewArticleAsync(encoders, run));
        }

        landings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"added article, file landing to its first answer (followed folder, 1 s interval, not cached): median {landings[2]:F0} ms, max {landings[^1]:F0} ms"));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resident memory: {process.WorkingSet64 / 1024.0 / 1024.0:F0} MiB, peak {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB (managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MiB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    }

    // A corpus article dropped into a folder the bot follows: from the write to the first answer quoting it, as the bot
    // wires it (the catalog notices, the index is built in the background, the waiting question is answered).
    private static async Task<double> TimeToAnswerANewArticleAsync(Encoders encoders, int run)
    {
        using var folder = new ScratchFolder(ScratchFolder.BenchmarksArea);
        var options = Options.Create(new KnowledgeOptions { ArticlesPath = folder.Path, ReloadInterval = TimeSpan.FromSeconds(1) });
        using var catalog = new ArticleCatalog(options, TimeProvider.System, NullLogger<ArticleCatalog>.Instance);
        var indexes = new ArticleIndexes(encoders, EmbeddingCache.None, new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);
        catalog.Changed += indexes.Track;
        await catalog.StartAsync(CancellationToken.None);
        var answerer = new AnswerPipeline(new CatalogArticles(catalog), indexes, AnswerModels.Shipped, new AnsweringOptions());
        var source = Path.Combine(FindCorpus(), "articles", run % 2 == 0 ? "ranked-choice-voting-is-second-best.md" : "turkeys-problem-banks.md");

        var clock = Stopwatch.StartNew();
        File.Copy(source, folder.Combine(Path.GetFileName(source)));
        while (catalog.Current.Articles.IsEmpty)
        {
            await Task.Delay(20);
        }

        var answer = await answerer.AnswerAsync("What does the author conclude?", null, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await catalog.StopAsync(CancellationToken.None);
        return answer.Article is null ? double.NaN : elapsed;
    }

    private static async Task<double[]> MeasureAsync(IAnswerer answerer, string[] questions, int count, int workers, bool unique = true)
    {
        var timings = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                // A suffix makes every question new to the encoding cache: each answer pays for its inferences.
                var question = unique ? $"{questions[i % questions.Length]} ({workers}-{i})" : questions[i % questions.Length];
                var clock = Stopwatch.StartNew();
                await answerer.AnswerAsync(question, null, CancellationToken.None);
                timings[i] = clock.Elapsed.TotalMilliseconds;
            }
        })));
        Array.Sort(timings);
        return timings;
    }

    private static void Report(string label, double[] sorted) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: n={sorted.Length} p50 {Percentile(sorted, 0.50):F2} ms, p90 {Percentile(sorted, 0.90):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms"));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<string[]> LoadQuestionsAsync(string[] files)
    {
        var questions = new List<string>();
        foreach (var file in files)
        {
            questions.AddRange((await EvalCase.ReadJsonLinesAsync(file, CancellationToken.None)).Select(c => c.Question));
        }

        return questions.Count > 0 ? [.. questions] :
        [
            "Does the author think the deadline matters?", "Should sanctions be lifted?", "What could North Korea do in return?",
            "Why should our goals be modest?", "Is the Trump-Kim relationship a sound basis for diplomacy?", "What is the ultimate aim?",
            "When will new talks start?", "Who is the author?", "What does the article say about Iran?", "How do I cook rice?",
        ];
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "eval", "articles")))
            {
                return Path.Combine(dir.FullName, "tests", "eval");
            }
        }

        throw new InvalidOperationException("tests/eval not found above the benchmark's folder.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class CatalogArticles(ArticleCatalog catalog) : IArticleSource
    {
        public ArticleLibrary Current => catalog.Current;
    }
}
