using System.Numerics.Tensors;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Training;

/// <summary>
/// Learns a <see cref="QuestionAdapter"/> across many articles. Each question meets every sentence of its article and
/// one more candidate, "no sentence", whose score is the learned <see cref="QuestionAdapter.NullScore"/>; a softmax
/// over them should land on the sentences of the paragraphs that answer (any of them) or, for a question the article
/// does not cover, on "no sentence". Plain gradient descent (Adam) on the map's change to the identity, which starts
/// at zero, so an untrained adapter is MiniLM itself.
/// </summary>
public static class AdapterTrainer
{
    /// <summary>A question's vector, its article's sentence vectors, and which of those sentences answer it (none: not covered).</summary>
    public sealed record Example(float[] Question, float[][] Sentences, bool[] Answers);

    /// <summary>
    /// How to train: a few passes, gently. In the first check (trained on the written articles, scoring the 24 real
    /// ones, both halves) passes after the first fit the training questions better and the real articles' no better;
    /// other temperatures were compared on the tune half (docs/PERFORMANCE.md).
    /// </summary>
    public sealed record Settings(int Epochs = 3, int BatchSize = 32, double LearningRate = 0.001)
    {
        public static Settings Default { get; } = new();
    }

    /// <summary>Similarities of unit vectors span a narrow range; dividing by this spreads them for the softmax (the tuner's too).</summary>
    public const double Temperature = 0.05;

    /// <summary>The question against every sentence of its article; the sentences of the paragraphs that answer it answer.</summary>
    public static Example From(TrainingExample example)
    {
        var index = example.Evidence.Index;
        var gold = example.Gold;
        return new Example(
            example.Evidence.Question.Words.Vector,
            [.. index.Words.Sentences.Select(s => s.Vector)],
            [.. index.Text.SentenceOrder.Select(s => gold.Contains(s.Paragraph - 1))]);
    }

    public static QuestionAdapter Train(IReadOnlyList<Example> examples, int seed, Settings? settings = null)
    {
        var (epochs, batchSize, learningRate) = settings ?? Settings.Default;
        var dimensions = examples[0].Question.Length;
        var change = new float[dimensions * dimensions];
        var nullScore = 0.5;
        var gradient = new float[change.Length];
        var (firstMoment, secondMoment) = (new float[change.Length], new float[change.Length]);
        var (nullFirst, nullSecond) = (0.0, 0.0);
        var random = new Random(seed);
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = Enumerable.Range(0, examples.Count).OrderBy(_ => random.Next()).ToArray();
            for (var start = 0; start < order.Length; start += batchSize)
            {
                Array.Clear(gradient);
                var nullGradient = 0.0;
                var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
                foreach (var i in batch)
                {
                    nullGradient += Accumulate(examples[i], change, nullScore, dimensions, gradient);
                }

                step++;
                var scale = 1f / batch.Length;
                Adam(change, gradient, scale, firstMoment, secondMoment, step, learningRate);
                var g = nullGradient * scale;
                nullFirst = (0.9 * nullFirst) + (0.1 * g);
                nullSecond = (0.999 * nullSecond) + (0.001 * g * g);
                nullScore -= learningRate * (nullFirst / (1 - Math.Pow(0.9, step))) / (Math.Sqrt(nullSecond / (1 - Math.Pow(0.999, step))) + 1e-8);
            }
        }

        return QuestionAdapter.From(change, dimensions, nullScore);
    }

    /// <summary>Adds one question's gradient of the map to <paramref name="gradient"/>; returns that of the null score.</summary>
    private static double Accumulate(Example example, float[] change, double nullScore, int dimensions, float[] gradient)
    {
        var question = example.Question;
        var sentences = example.Sentences;
        var mapped = (float[])question.Clone();
        for (var row = 0; row < dimensions; row++)
        {
            mapped[row] += TensorPrimitives.Dot(change.AsSpan(row * dimensions, dimensions), question);
        }

        var count = sentences.Length;
        var logits = new double[count + 1];
        for (var k = 0; k < count; k++)
        {
            logits[k] = TensorPrimitives.Dot(mapped, sentences[k]) / Temperature;
        }

        logits[count] = nullScore / Temperature;
        var max = logits.Max();
        var total = 0.0;
        for (var k = 0; k <= count; k++)
        {
            logits[k] = Math.Exp(logits[k] - max);
            total += logits[k];
        }

        bool[] answers = [.. example.Answers, !example.Answers.Contains(true)];
        var target = 0.0;
        for (var k = 0; k <= count; k++)
        {
            logits[k] /= total;
            target += answers[k] ? logits[k] : 0;
        }

        // d(-log Σ_answers p) / d(logit k) = p_k − [k answers]·p_k / Σ_answers p.
        var towardSentences = new float[dimensions];
        for (var k = 0; k < count; k++)
        {
            var g = (logits[k] - (answers[k] ? logits[k] / Math.Max(target, 1e-12) : 0)) / Temperature;
            TensorPrimitives.MultiplyAdd(sentences[k], (float)g, towardSentences, towardSentences);
        }

        for (var row = 0; row < dimensions; row++)
        {
            var rowGradient = gradient.AsSpan(row * dimensions, dimensions);
            TensorPrimitives.MultiplyAdd(question, towardSentences[row], rowGradient, rowGradient);
        }

        return (logits[count] - (answers[count] ? logits[count] / Math.Max(target, 1e-12) : 0)) / Temperature;
    }

    private static void Adam(float[] weights, float[] gradient, float scale, float[] first, float[] second, int step, double learningRate)
    {
        var firstCorrection = (float)(1 - Math.Pow(0.9, step));
        var secondCorrection = (float)(1 - Math.Pow(0.999, step));
        for (var k = 0; k < weights.Length; k++)
        {
            var g = gradient[k] * scale;
            first[k] = (0.9f * first[k]) + (0.1f * g);
            second[k] = (0.999f * second[k]) + (0.001f * g * g);
            weights[k] -= (float)learningRate * (first[k] / firstCorrection) / (MathF.Sqrt(second[k] / secondCorrection) + 1e-8f);
        }
    }
}
