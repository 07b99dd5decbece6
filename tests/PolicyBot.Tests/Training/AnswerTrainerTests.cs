using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Tests.Shared;
using PolicyBot.Training;

namespace PolicyBot.Tests.Training;

/// <summary>
/// How the trainer uses a question tuner: each example is read by a tuner not trained on its article, and the ranker and
/// answerability model learn from that reading, not from the one gathered before tuning.
/// </summary>
public sealed class AnswerTrainerTests
{
    private static readonly string[] Slugs =
        ["ranked-choice-voting-is-second-best", "turkeys-problem-banks", "a-democratic-flop-in-the-states", "britain-locks-down-again"];

    [Fact]
    public async Task Each_example_is_read_by_a_tuner_not_trained_on_its_article_and_the_models_learn_from_that_reading()
    {
        using var encoders = Encoders.Production(inferenceThreads: 1);
        using var indexes = new ArticleIndexes(encoders, EmbeddingCache.None, new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);
        var examples = await TrainingExample.GatherAsync(new QuestionReader(indexes), await ArticlesAsync(), CancellationToken.None);

        var readBy = new Dictionary<TrainingExample, int>(ReferenceEqualityComparer.Instance);
        var tunings = 0;
        var tuner = new Mock<IQuestionTuner>();
        tuner.Setup(t => t.Train(It.IsAny<IReadOnlyList<TrainingExample>>(), It.IsAny<int>())).Returns((IReadOnlyList<TrainingExample> trainedOn, int _) =>
        {
            var tuning = ++tunings;
            var seen = trainedOn.Select(e => e.Evidence.Index.Article.Slug).ToHashSet();
            var tuned = new Mock<ITunedQuestions>();
            tuned.Setup(q => q.Into(It.IsAny<AnswerModels>())).Returns((AnswerModels m) => m);
            tuned.Setup(q => q.Read(It.IsAny<IReadOnlyList<TrainingExample>>())).Returns((IReadOnlyList<TrainingExample> read) =>
            {
                Assert.DoesNotContain(read, e => seen.Contains(e.Evidence.Index.Article.Slug));
                foreach (var example in read)
                {
                    readBy.Add(example, tuning);
                }

                return [.. read.Select(e => PointingAt(e, e.Gold.FirstOrDefault(-1)))];
            });
            return tuned.Object;
        });

        var models = AnswerTrainer.Train(examples, AnswerStages.All, usesRetrievalModel: false, "test", tuner: tuner.Object);

        Assert.Equal(5, tunings); // one on every article, one per stacking fold
        Assert.Equal(examples.Count, readBy.Count);
        Assert.DoesNotContain(1, readBy.Values);

        // The tuners' reading pointed straight at the answer, so a ranker that learned from it follows it: read as
        // pointing at another paragraph, its training questions are answered from that one.
        var misread = examples.Where(e => e.Case.OnTopic).Select(e => (Decoy: NextNotAnswering(e), Example: e))
            .Select(d => (d.Decoy, Read: PointingAt(d.Example, d.Decoy)))
            .ToArray();
        var followed = misread.Count(d => AnswerTrainer.Rank(models.Ranker, d.Read.Evidence, AnswerStages.All).Top - 1 == d.Decoy);
        Assert.True(followed >= 0.9 * misread.Length, $"{followed} of {misread.Length}");
    }

    private static int NextNotAnswering(TrainingExample example)
    {
        var count = example.Evidence.Index.Text.ParagraphCount;
        return Enumerable.Range(1, count).Select(k => (example.Gold[0] + k) % count).First(p => !example.Gold.Contains(p));
    }

    // The example as a perfect tuner would read it: its question is the first sentence of paragraph
    // <paramref name="paragraph"/> (0-based), or far from every sentence when that is -1.
    private static TrainingExample PointingAt(TrainingExample example, int paragraph)
    {
        var evidence = QuestionEvidence.Gather(example.Evidence.Index, example.Evidence.Question);
        var vectors = evidence.Index.Words.Sentences;
        var answer = paragraph < 0 ? null : vectors[evidence.Index.Text.SentenceOrder.ToList().FindIndex(s => s.Paragraph == paragraph + 1)].Vector;
        evidence.Adapt(answer ?? [.. vectors[0].Vector.Select(v => -v)], nullScore: 0.5);
        return example with { Evidence = evidence };
    }

    private static async Task<IReadOnlyList<CorpusArticle>> ArticlesAsync()
    {
        var corpus = await EvalCorpus.LoadAsync(Path.Combine(RepositoryFolder.Root, "tests", "eval"), CancellationToken.None);
        return [.. Slugs.Select(slug => corpus.Articles.Single(a => a.Article.Slug == slug))
            .Select(a => a with { Questions = [.. a.Questions.Where(q => q.OnTopic).Take(25), .. a.Questions.Where(q => !q.OnTopic).Take(10)] })];
    }
}
