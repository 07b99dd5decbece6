using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// A linear map of a question's MiniLM vector, learned across many articles (<c>PolicyBot train-answerer</c>): the
/// mapped question scores high against the sentences that answer it and below <see cref="NullScore"/> against every
/// sentence of an article that does not. MiniLM was trained to find similar sentences, not answers; this turns its
/// similarity into evidence of an answer, without a word of any particular article.
/// </summary>
public sealed class QuestionAdapter
{
    private float[]? _change;

    /// <summary>The vectors' length.</summary>
    [JsonPropertyName("dimensions")]
    public required int Dimensions { get; init; }

    /// <summary>What the map adds to the identity, row by row, as little-endian 32-bit floats (base64 in JSON).</summary>
    [JsonPropertyName("change")]
    public required byte[] Change { get; init; }

    /// <summary>The score a question must beat for a sentence to answer it rather than none.</summary>
    [JsonPropertyName("nullScore")]
    public double NullScore { get; init; }

    public static QuestionAdapter From(float[] change, int dimensions, double nullScore) => new()
    {
        Dimensions = dimensions,
        Change = MemoryMarshal.AsBytes(change.AsSpan()).ToArray(),
        NullScore = nullScore,
    };

    /// <summary>The mapped question: <c>q + change·q</c>.</summary>
    public float[] Apply(ReadOnlySpan<float> question)
    {
        var change = _change ??= Read();
        if (question.Length != Dimensions)
        {
            throw new ArgumentException($"The adapter maps vectors of {Dimensions} numbers, not {question.Length}.", nameof(question));
        }

        var mapped = question.ToArray();
        for (var row = 0; row < Dimensions; row++)
        {
            mapped[row] += TensorPrimitives.Dot(change.AsSpan(row * Dimensions, Dimensions), question);
        }

        return mapped;
    }

    private float[] Read() =>
        Change.Length == Dimensions * Dimensions * sizeof(float)
            ? MemoryMarshal.Cast<byte, float>(Change).ToArray()
            : throw new InvalidDataException($"The question adapter holds {Change.Length} bytes, not a {Dimensions}×{Dimensions} map.");
}
