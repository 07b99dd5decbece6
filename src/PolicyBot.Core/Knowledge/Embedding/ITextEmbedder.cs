namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>A sentence-embedding model: texts in, unit-length vectors out, so a dot product is the cosine similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model and how texts are prepared for it; part of every embedding cache key.</summary>
    string ModelId { get; }

    /// <summary>Loads the model if it is not loaded yet (slow: call at start-up, off the request path).</summary>
    void EnsureLoaded(CancellationToken cancellationToken);

    /// <param name="asQuery">The texts are questions, not passages (a retrieval model words them differently).</param>
    /// <param name="withWords">Also return one vector per word.</param>
    EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken);
}
