using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Benchmarks;

/// <summary>
/// A Stopwatch load driver for ask (BenchmarkDotNet's per-call statistics hide the cold start and the tail we care about):
/// time to the first answer after start-up (model load, corpus embeddings from the disk cache or computed), then
/// warm answers to questions the answerer has not seen (each one costs an inference), sequentially and with two
/// concurrent askers, and the resident memory after warm-up.
/// Usage: <c>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- ask-load [answers=400] [questions.jsonl ...]</c>.
/// </summary>
public static class AskBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 400;
        var questionFiles = args.Skip(1).ToArray();
        var articles = Path.Combine(AppContext.BaseDirectory, "config", "articles");
        var questions = await LoadQuestionsAsync(questionFiles);

        // The first start in this process is the real cold start (runtime, JIT, model) of a fresh install: the corpus
        // embeddings come from config/articles/embeddings. The second start embeds the corpus, as an article added
        // without shipped embeddings would on its first start.
        var (answerer, coldStart) = await ColdStartAsync(articles, EmbeddingCache.ForArticles(articles, null), questions[0]);
        var (_, uncachedStart) = await ColdStartAsync(articles, new EmbeddingCache(null), questions[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first answer after start-up: {coldStart.TotalMilliseconds:F0} ms (corpus embeddings shipped in config/articles/embeddings); " +
            $"again in the same process computing the corpus embeddings: {uncachedStart.TotalMilliseconds:F0} ms"));

        var sequential = await MeasureAsync(answerer, questions, count, workers: 1);
        Report("warm answers, 1 asker", sequential);
        var concurrent = await MeasureAsync(answerer, questions, count, workers: 2);
        Report("warm answers, 2 concurrent askers", concurrent);
        await MeasureAsync(answerer, questions, questions.Length, workers: 1, unique: false); // fills the question cache
        var repeated = await MeasureAsync(answerer, questions, count, workers: 1, unique: false);
        Report("repeated questions (retrieval and composition only, no inference)", repeated);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resident memory after warm-up: {process.WorkingSet64 / 1024.0 / 1024.0:F0} MiB (managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MiB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    }

    private static async Task<(HybridAnswerer Answerer, TimeSpan FirstAnswer)> ColdStartAsync(string articles, EmbeddingCache cache, string question)
    {
        var clock = Stopwatch.StartNew();
        var library = ArticleLibrary.Load(articles);
        var answerer = new HybridAnswerer(library, new MiniLmEmbedder(), cache, NullLogger<HybridAnswerer>.Instance);
        await answerer.AnswerAsync(question, null, CancellationToken.None);
        return (answerer, clock.Elapsed);
    }

    private static async Task<double[]> MeasureAsync(HybridAnswerer answerer, string[] questions, int count, int workers, bool unique = true)
    {
        var timings = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                // A suffix makes every question new to the answerer's question cache: each answer pays for an inference.
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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
