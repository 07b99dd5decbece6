namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>Turns texts into unit-length sentence embeddings, so a dot product is the cosine similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model; part of the corpus-embedding cache key.</summary>
    string ModelId { get; }

    /// <summary>Loads the model if it is not loaded yet (slow: call at start-up, off the request path).</summary>
    void EnsureLoaded();

    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
