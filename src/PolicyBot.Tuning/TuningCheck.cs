using PolicyBot.Cli;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Training;

namespace PolicyBot.Tuning;

/// <summary>
/// <c>tuning-check [train-halves] [measure-halves]</c>: the first check of a way of tuning, before the whole answerer
/// is trained on it. Tunes on the written articles, then scores each real article's questions by their best sentence:
/// how often it lies in a paragraph that answers, and how well its lead over "no sentence" separates the questions
/// the article answers from the others (AUC). Both ways of tuning, questions only and questions with articles.
/// </summary>
public static class TuningCheck
{
    public static async Task<int> RunAsync(string[] args)
    {
        var ct = CancellationToken.None;
        var corpus = await EvalCorpus.LoadAsync("tests/eval", ct);
        var articles = CliArticles.Load(null);
        using var encoders = Encoders.Production(articles.Options.InferenceThreads);
        var indexes = new ArticleIndexes(encoders, new EmbeddingCache(articles.Options.EmbeddingCachePath), articles.Answering, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleIndexes>.Instance);
        var reader = new QuestionReader(indexes, repair: true);
        var train = await TrainingExample.GatherAsync(reader, corpus.Half(args.Length > 0 ? args[0] : "written"), ct);
        var test = await TrainingExample.GatherAsync(reader, corpus.Half(args.Length > 1 ? args[1] : "tune+report"), ct);
        foreach (var settings in new[] { LoraSettings.QuestionsOnly, LoraSettings.Default })
        {
            var both = settings.TuneArticles;
            var tuning = new LoraQuestionTuner(settings).Tune(train, 1);
            using var model = new SentenceModel(SentenceModelKind.MiniLm, Environment.ProcessorCount, modelFolder: null, tuning: tuning);
            var sentenceVectors = new Dictionary<string, float[][]>(StringComparer.Ordinal);
            var (right, answerable) = (0, 0);
            var scored = new List<(double Score, bool Answerable)>();
            foreach (var example in test)
            {
                var index = example.Evidence.Index;
                if (!sentenceVectors.TryGetValue(index.Article.Slug, out var sentences))
                {
                    sentences = sentenceVectors[index.Article.Slug] = both
                        ? [.. model.Encode(index.Text.SentenceTexts, asQuery: false, withWords: false, ct).Select(e => e.Vector)]
                        : [.. index.Words.Sentences.Select(e => e.Vector)];
                }

                var q = model.Encode([example.Evidence.Question.Text.Clean], asQuery: true, withWords: false, ct)[0].Vector;
                var scores = sentences.Select(s => (double)System.Numerics.Tensors.TensorPrimitives.Dot(q, s)).ToArray();
                var best = Array.IndexOf(scores, scores.Max());
                var isAnswerable = example.Gold.Length > 0;
                if (isAnswerable)
                {
                    answerable++;
                    right += example.Gold.Contains(index.Text.SentenceOrder[best].Paragraph - 1) ? 1 : 0;
                }

                scored.Add((scores[best] - tuning.NullScore, isAnswerable));
            }

            var positives = scored.Where(s => s.Answerable).Select(s => s.Score).ToArray();
            var negatives = scored.Where(s => !s.Answerable).Select(s => s.Score).ToArray();
            var auc = positives.Sum(p => negatives.Count(n => n < p) + (0.5 * negatives.Count(n => n == p))) / ((double)positives.Length * negatives.Length);
            Console.WriteLine($"{(both ? "questions and articles" : "questions only")}: best sentence right {right}/{answerable} ({100.0 * right / answerable:F1} %), AUC {auc:F3}");
        }

        return 0;
    }
}
