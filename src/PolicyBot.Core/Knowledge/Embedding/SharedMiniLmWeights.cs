using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using PolicyBot.Core.Footprint;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// MiniLM's weights, mapped once per process and given to every MiniLM session (ONNX Runtime's shared initializers), with
/// one container for the forms ONNX Runtime packs its matrices into: the plain model and those tuned for questions,
/// which multiply by the same matrices (<see cref="QuestionTuning.ApplyTo"/>), then hold them once, not once each (about
/// 45 MiB of packed matrices and the word-embedding rows questions touch). The bot runs one tuned session for both
/// readings; training and evaluation hold several. They are the prepared plain model's weights
/// file, so they are what its graph would map; a tensor of that name in the tuned graph is the same tensor.
/// </summary>
internal sealed class SharedMiniLmWeights
{
    private static readonly ConcurrentDictionary<string, Lazy<SharedMiniLmWeights>> ByModel = new(StringComparer.Ordinal);

    private readonly Dictionary<string, OrtValue> _weights;

    // The weights file, mapped for the life of the process (the weights are views of it), as a session of its own maps it.
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private SharedMiniLmWeights(Dictionary<string, OrtValue> weights, MemoryMappedFile file, MemoryMappedViewAccessor view) =>
        (_weights, _file, _view) = (weights, file, view);

    /// <summary>Packed forms of the shared matrices, filled by the first session and read by the others.</summary>
    public PrePackedWeightsContainer Container { get; } = new();

    /// <summary>The weights of the prepared plain model at <paramref name="plainModelPath"/>, mapped once per process.</summary>
    public static SharedMiniLmWeights For(string plainModelPath) =>
        ByModel.GetOrAdd(plainModelPath, path => new Lazy<SharedMiniLmWeights>(() => Read(path))).Value;

    /// <summary>
    /// Lets the mapped weights' pages go once a session has packed its matrices: sessions multiply by the packed forms,
    /// and read the word-embedding rows a text uses, which come back from the file as they are read. ONNX Runtime frees
    /// a matrix it owns once packed; a shared one it must leave to its owner. Nothing happens where <c>madvise</c> is
    /// missing.
    /// </summary>
    public void ReleasePackedPages() => MappedPages.Release(_view);

    /// <summary>Gives the session these options make every shared weight its model (at <paramref name="modelPath"/>) has.</summary>
    public void AddTo(SessionOptions options, string modelPath)
    {
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath)).Graph;
        foreach (var name in graph.Initializer.Select(t => t.Name).Where(_weights.ContainsKey))
        {
            options.AddInitializer(name, _weights[name]);
        }
    }

    // Every weight the graph keeps in its weights file, as views of the mapped file.
    private static SharedMiniLmWeights Read(string modelPath)
    {
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath)).Graph;
        var file = MemoryMappedFile.CreateFromFile(Path.Combine(Path.GetDirectoryName(modelPath)!, "model.data"), FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        var start = view.SafeMemoryMappedViewHandle.DangerousGetHandle() + (nint)view.PointerOffset;
        var weights = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        foreach (var tensor in graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Float && t.DataLocation == TensorProto.Types.DataLocation.External))
        {
            long Field(string key) => long.Parse(tensor.ExternalData.Single(e => e.Key == key).Value, System.Globalization.CultureInfo.InvariantCulture);
            var (offset, length) = (Field("offset"), Field("length"));
            weights[tensor.Name] = OrtValue.CreateTensorValueWithData(
                OrtMemoryInfo.DefaultInstance, Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, [.. tensor.Dims], start + (nint)offset, length);
        }

        return new SharedMiniLmWeights(weights, file, view);
    }
}
