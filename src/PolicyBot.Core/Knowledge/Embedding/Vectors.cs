using System.Numerics.Tensors;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>Arithmetic on unit-length vectors.</summary>
public static class Vectors
{
    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero).</summary>
    public static float[] Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    /// <summary>The best similarity of <paramref name="vector"/> to any of <paramref name="others"/> (-1 when there are none).</summary>
    public static float BestSimilarity(ReadOnlySpan<float> vector, IReadOnlyList<float[]> others)
    {
        var best = -1f;
        for (var i = 0; i < others.Count; i++)
        {
            best = Math.Max(best, Similarity(vector, others[i]));
        }

        return best;
    }
}
