using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>A stand-in model: deterministic bag-of-letters vectors (per text and per word), counting loads and texts.</summary>
public sealed class CountingEmbedder : ITextEmbedder
{
    private int _loads;
    private int _texts;

    public bool FailFirstLoad { get; init; }

    /// <summary>The first call to <see cref="Encode"/> throws, as a model file that cannot be read would.</summary>
    public bool FailOnFirstEncode { get; init; }

    private int _encodes;

    public int Loads => _loads;

    public int TextsEncoded => _texts;

    public string ModelId => "counting";

    public void EnsureLoaded(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _loads) == 1 && FailFirstLoad)
        {
            throw new InvalidOperationException("model file unreadable");
        }
    }

    public EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _encodes) == 1 && FailOnFirstEncode)
        {
            throw new InvalidOperationException("model file unreadable");
        }

        Interlocked.Add(ref _texts, texts.Count);
        return [.. texts.Select(t =>
        {
            var words = withWords ? t.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsLetterOrDigit)])).Where(w => w.Length > 0).ToArray() : [];
            return new EncodedText(Vector(t), words, [.. words.Select(Vector)]);
        })];
    }

    private static float[] Vector(string text)
    {
        var vector = new float[26];
        foreach (var c in text.ToLowerInvariant().Where(char.IsAsciiLetterLower))
        {
            vector[c - 'a']++;
        }

        return Vectors.Normalize(vector);
    }
}
