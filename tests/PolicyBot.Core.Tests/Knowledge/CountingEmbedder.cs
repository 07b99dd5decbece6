using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>A stand-in model: a deterministic bag-of-letters vector, counting how often it is loaded and used.</summary>
public sealed class CountingEmbedder : ITextEmbedder
{
    private int _loads;
    private int _corpusBatches;
    private int _texts;

    public bool FailFirstLoad { get; init; }

    public int Loads => _loads;

    public int CorpusBatches => _corpusBatches;

    public int TextsEmbedded => _texts;

    public string ModelId => "counting";

    public void EnsureLoaded()
    {
        if (Interlocked.Increment(ref _loads) == 1 && FailFirstLoad)
        {
            throw new InvalidOperationException("model file unreadable");
        }
    }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _texts, texts.Count);
        if (texts.Count > 1)
        {
            Interlocked.Increment(ref _corpusBatches);
        }

        return texts.Select(Vector).ToArray();
    }

    private static float[] Vector(string text)
    {
        var vector = new float[26];
        foreach (var c in text.ToLowerInvariant().Where(char.IsAsciiLetterLower))
        {
            vector[c - 'a']++;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => norm == 0 ? 0 : v / norm).ToArray();
    }
}
