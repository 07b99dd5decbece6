using System.Text.Json.Serialization;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// A boosted ensemble of regression trees, as trained by ML.NET's FastTree (<c>PolicyBot train-answerer</c>) and
/// exported as plain numbers, so answering needs no machine-learning library: a score is the sum of one leaf per tree.
/// </summary>
public sealed class TreeEnsemble
{
    [JsonPropertyName("bias")]
    public double Bias { get; init; }

    [JsonPropertyName("trees")]
    public required IReadOnlyList<RegressionTree> Trees { get; init; }

    /// <summary>When set, <see cref="Probability"/> maps a score through <c>1 / (1 + exp(slope * score + offset))</c> (Platt).</summary>
    [JsonPropertyName("plattSlope")]
    public double? PlattSlope { get; init; }

    [JsonPropertyName("plattOffset")]
    public double? PlattOffset { get; init; }

    public double Score(ReadOnlySpan<double> features)
    {
        var score = Bias;
        foreach (var tree in Trees)
        {
            score += tree.Weight * tree.Evaluate(features);
        }

        return score;
    }

    public double Probability(ReadOnlySpan<double> features) =>
        PlattSlope is { } slope && PlattOffset is { } offset
            ? 1 / (1 + Math.Exp((slope * Score(features)) + offset))
            : throw new InvalidOperationException("This ensemble has no calibration; it gives scores, not probabilities.");

    /// <summary>The largest feature index any split reads.</summary>
    public int MaxFeatureIndex => Trees.SelectMany(t => t.Feature).DefaultIfEmpty(-1).Max();
}

/// <summary>
/// One tree: node i sends a row left when feature <see cref="Feature"/>[i] is at most <see cref="Threshold"/>[i], else
/// right; a negative child c is leaf ~c. Compared in single precision, as the trainer did.
/// </summary>
public sealed class RegressionTree
{
    [JsonPropertyName("weight")]
    public double Weight { get; init; } = 1;

    [JsonPropertyName("feature")]
    public required int[] Feature { get; init; }

    [JsonPropertyName("threshold")]
    public required double[] Threshold { get; init; }

    [JsonPropertyName("left")]
    public required int[] Left { get; init; }

    [JsonPropertyName("right")]
    public required int[] Right { get; init; }

    [JsonPropertyName("leaf")]
    public required double[] Leaf { get; init; }

    public double Evaluate(ReadOnlySpan<double> features)
    {
        if (Feature.Length == 0)
        {
            return Leaf[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = (float)features[Feature[node]] <= (float)Threshold[node] ? Left[node] : Right[node];
        }

        return Leaf[~node];
    }
}
