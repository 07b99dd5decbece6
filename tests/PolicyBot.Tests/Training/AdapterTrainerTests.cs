using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Training;

namespace PolicyBot.Tests.Training;

/// <summary>
/// The adapter learns what plain similarity gets wrong, on made-up vectors where the rule is known: each question's
/// answer is the sentence after the one it resembles, and a question that also points somewhere no sentence goes has
/// no answer, however much it resembles a sentence.
/// </summary>
public sealed class AdapterTrainerTests
{
    private const int Sentences = 6;
    private const int Dimensions = 8;

    [Fact]
    public void It_learns_which_sentence_answers_and_when_none_does()
    {
        var train = Examples(new Random(1), 2000);
        var test = Examples(new Random(2), 400);

        var adapter = AdapterTrainer.Train(train, seed: 1, new AdapterTrainer.Settings(LearningRate: 0.02));

        Assert.Equal(0, Share(test, q => q, 0, picksAnswer: true), 2); // plain similarity picks the resembled sentence
        Assert.True(Share(test, q => adapter.Apply(q), adapter.NullScore, picksAnswer: true) > 0.9);
        Assert.True(Share(test, q => adapter.Apply(q), adapter.NullScore, picksAnswer: false) > 0.9);
    }

    // Answerable: the share whose best mapped sentence answers and beats the null score; not covered: the share below it.
    private static double Share(IReadOnlyList<AdapterTrainer.Example> examples, Func<float[], float[]> map, double nullScore, bool picksAnswer)
    {
        var chosen = examples.Where(e => e.Answers.Contains(true) == picksAnswer).ToArray();
        return chosen.Count(e =>
        {
            var mapped = map(e.Question);
            var scores = e.Sentences.Select(s => s.Zip(mapped, (a, b) => a * b).Sum()).ToArray();
            var best = Array.IndexOf(scores, scores.Max());
            return picksAnswer ? e.Answers[best] && scores[best] > nullScore : scores[best] < nullScore;
        }) / (double)chosen.Length;
    }

    private static List<AdapterTrainer.Example> Examples(Random random, int count)
    {
        var sentences = Enumerable.Range(0, Sentences).Select(i => Unit(i)).ToArray();
        var examples = new List<AdapterTrainer.Example>();
        for (var n = 0; n < count; n++)
        {
            var resembled = random.Next(Sentences);
            var covered = n % 3 != 0;
            var question = Unit(resembled);
            for (var d = 0; d < Sentences; d++)
            {
                question[d] += (float)(random.NextDouble() * 0.3);
            }

            question[Dimensions - 1] = covered ? 0 : 0.8f; // the direction no sentence answers
            examples.Add(new AdapterTrainer.Example(
                Normalize(question), sentences, [.. Enumerable.Range(0, Sentences).Select(s => covered && s == (resembled + 1) % Sentences)]));
        }

        return examples;
    }

    private static float[] Unit(int axis)
    {
        var v = new float[Dimensions];
        v[axis] = 1;
        return v;
    }

    private static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
