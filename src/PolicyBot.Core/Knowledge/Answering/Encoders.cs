using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// The sentence-embedding models the answerer reads with: <see cref="Words"/> gives sentence vectors and word vectors
/// (all-MiniLM-L6-v2 in production), <see cref="Retrieval"/>, when present, a second opinion from a model trained to
/// meet questions with the passages that answer them (snowflake-arctic-embed-xs).
/// </summary>
public sealed class Encoders(ITextEmbedder words, ITextEmbedder? retrieval = null) : IDisposable
{
    public ITextEmbedder Words { get; } = words;

    public ITextEmbedder? Retrieval { get; } = retrieval;

    /// <summary>
    /// MiniLM (and, when asked for, the retrieval model), each loaded on first use; <paramref name="inferenceDone"/> is
    /// told after each of their inferences.
    /// </summary>
    public static Encoders Production(int inferenceThreads, bool withRetrievalModel = false, Action? inferenceDone = null) => new(
        new SentenceModel(SentenceModelKind.MiniLm, inferenceThreads, inferenceDone: inferenceDone),
        withRetrievalModel ? new SentenceModel(SentenceModelKind.ArcticXs, inferenceThreads, inferenceDone: inferenceDone) : null);

    public void EnsureLoaded(CancellationToken cancellationToken)
    {
        Words.EnsureLoaded(cancellationToken);
        Retrieval?.EnsureLoaded(cancellationToken);
    }

    public void Dispose()
    {
        (Words as IDisposable)?.Dispose();
        (Retrieval as IDisposable)?.Dispose();
    }
}
