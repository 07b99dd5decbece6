using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Onnx;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// MiniLM tuned to read questions and articles, learned across many articles (<c>PolicyBot.Tuning train-answerer</c>):
/// low-rank changes (LoRA) to the model's weight matrices, so that a question's vector scores high against the sentences
/// that answer it, and below <see cref="NullScore"/> against every sentence of an article that does not. It alone reads
/// questions: its sentence and word vectors feed every stage, so a question costs one model run. Articles are read by
/// it too when <see cref="ReadsArticles"/> (both sides were learned together), else by plain MiniLM.
/// The bot adds each change, gated, beside the product with its named weight in MiniLM's ONNX graph (<see cref="ApplyTo"/>)
/// and runs the result with ONNX Runtime; nothing of the training library ships.
/// </summary>
public sealed class QuestionTuning
{
    /// <summary>The score a question must beat for a sentence to answer it rather than none.</summary>
    [JsonPropertyName("nullScore")]
    public double NullScore { get; init; }

    /// <summary>What each low-rank change is multiplied by (alpha / rank).</summary>
    [JsonPropertyName("scale")]
    public float Scale { get; init; }

    [JsonPropertyName("deltas")]
    public required IReadOnlyList<WeightDelta> Deltas { get; init; }

    /// <summary>A question and the vector the training graph gave it: the ONNX graph with the changes must give the same.</summary>
    [JsonPropertyName("probe")]
    public required TuningProbe Probe { get; init; }

    /// <summary>
    /// Whether articles are read with the changes too (both sides were tuned together); otherwise they keep plain
    /// MiniLM's vectors, as tunings of questions alone were trained against.
    /// </summary>
    [JsonPropertyName("readsArticles")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ReadsArticles { get; init; }

    /// <summary>Names this tuning (a hash of its numbers), so a model prepared with it is found again.</summary>
    [JsonIgnore]
    public string Key => _key ??= Convert.ToHexStringLower(SHA256.HashData([.. Deltas.SelectMany(d => d.A.Concat(d.B)), .. BitConverter.GetBytes(Scale)]))[..16];

    private string? _key;

    /// <summary>
    /// The tuned graph's extra input, one float that every change is multiplied by: 1 reads with the changes, 0 exactly
    /// as plain MiniLM (each product then adds zero), so one session serves questions and articles.
    /// </summary>
    public const string GateInput = "tuning_gate";

    /// <summary>
    /// The ONNX model <paramref name="model"/> with each change beside the matrix product it belongs to: where the graph
    /// had <c>y = x·W</c> it computes <c>y = x·W + ((x·A)·(Scale·B))·gate</c> (<see cref="GateInput"/>). <c>W</c> stays as
    /// it was, so the tuned graph can share it with the plain model's file (<see cref="SharedMiniLmWeights"/>). Throws
    /// when a matrix is missing or of another shape (another MiniLM export than the one tuned).
    /// </summary>
    public byte[] ApplyTo(byte[] model)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var graph = proto.Graph;
        var gate = new ValueInfoProto { Name = GateInput, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = new TensorShapeProto() } } };
        gate.Type.TensorType.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        graph.Input.Add(gate);
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var delta in Deltas)
        {
            var product = graph.Node.SingleOrDefault(n => n.OpType == "MatMul" && n.Input.Count == 2 && n.Input[1] == delta.Name);
            if (product is null || !initializers.TryGetValue(delta.Name, out var weight) || !weight.Dims.SequenceEqual([(long)delta.Rows, delta.Columns]))
            {
                throw new InvalidDataException($"The question tuning changes weight '{delta.Name}' ({delta.Rows}×{delta.Columns}), which this MiniLM model does not have; retrain it.");
            }

            var (output, prefix) = (product.Output[0], "tuning/" + delta.Name);
            product.Output[0] = prefix + "/base";
            graph.Initializer.Add(Tensor(prefix + "/a", delta.Rows, delta.Rank, delta.AValues()));
            graph.Initializer.Add(Tensor(prefix + "/b", delta.Rank, delta.Columns, [.. delta.BValues().Select(v => v * Scale)]));
            var at = graph.Node.IndexOf(product) + 1;
            graph.Node.Insert(at, Node("MatMul", [product.Input[0], prefix + "/a"], prefix + "/down"));
            graph.Node.Insert(at + 1, Node("MatMul", [prefix + "/down", prefix + "/b"], prefix + "/up"));
            graph.Node.Insert(at + 2, Node("Mul", [prefix + "/up", GateInput], prefix + "/gated"));
            graph.Node.Insert(at + 3, Node("Add", [prefix + "/base", prefix + "/gated"], output));
        }

        return proto.ToByteArray();
    }

    private static TensorProto Tensor(string name, int rows, int columns, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.Add(rows);
        tensor.Dims.Add(columns);
        return tensor;
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }
}

/// <summary>One weight matrix's change, <c>A·B</c> (A: rows × rank, B: rank × columns), as little-endian floats.</summary>
public sealed record WeightDelta(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("columns")] int Columns,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("a")] byte[] A,
    [property: JsonPropertyName("b")] byte[] B)
{
    public float[] AValues() => Values(A, Rows * Rank);

    public float[] BValues() => Values(B, Rank * Columns);

    private float[] Values(byte[] bytes, int count) =>
        bytes.Length == count * sizeof(float)
            ? MemoryMarshal.Cast<byte, float>(bytes).ToArray()
            : throw new InvalidDataException($"The question tuning's change to '{Name}' holds the wrong number of values.");
}

/// <summary>A question and its tuned vector as the training graph computed it (little-endian floats).</summary>
public sealed record TuningProbe(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("vector")] byte[] Vector)
{
    public float[] Values => MemoryMarshal.Cast<byte, float>(Vector).ToArray();
}
