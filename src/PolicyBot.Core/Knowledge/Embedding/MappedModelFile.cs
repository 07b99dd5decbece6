using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// A model that ships as an assembly's embedded resource, prepared once as files that ONNX Runtime maps instead of
/// copying: the graph optimised as the session would (<c>model.onnx</c>) with its weights in a separate file
/// (<c>model.data</c>), which ONNX Runtime memory-maps. Rows of the word-embedding table that no text uses then never
/// become resident, and the process holds no copy of the model's bytes, managed or parsed.
/// The resource is read from the assembly's file, not through the loaded image, so its 90 MB are not paged in either.
/// </summary>
internal static class MappedModelFile
{
    private const string ModelFileName = "model.onnx";
    private const string WeightsFileName = "model.data";

    private static readonly object Preparing = new();

    // Changes whenever how the files are prepared changes, so files prepared the old way are not read.
    private const string PreparationVersion = "extended-optimised, weights >= 1 KiB external, v1";

    /// <summary>
    /// The prepared model's path under <paramref name="folder"/>, preparing it when it is missing; null when it cannot be
    /// prepared there (a read-only file system, a single-file build): the caller then loads the model's bytes.
    /// </summary>
    /// <param name="tuning">
    /// Changes to the model, added to the prepared plain model's graph (a folder of its own), which reads the plain model's
    /// weights file where it lies: preparing it copies no weights, on disk or in memory.
    /// </param>
    public static string? Prepare(Assembly assembly, string resourceSuffix, string folder, CancellationToken cancellationToken, QuestionTuning? tuning = null)
    {
        var plain = tuning is null ? null : Prepare(assembly, resourceSuffix, folder, cancellationToken);
        if (tuning is not null && plain is null)
        {
            return null;
        }

        try
        {
            // "gated": tuned graphs prepared before the gate input (QuestionTuning.GateInput) are not read.
            var prepared = Path.Combine(folder, Key(assembly) + (tuning is null ? string.Empty : "-gated-lora-" + tuning.Key));
            var model = Path.Combine(prepared, ModelFileName);
            if (File.Exists(model))
            {
                return model;
            }

            // One preparation at a time in this process: the plain and the tuned model load at once, and two preparations
            // of the same model would each hold its hundreds of MB of optimiser buffers.
            lock (Preparing)
            {
                return File.Exists(model) ? model : Build(assembly, resourceSuffix, prepared, model, plain, tuning, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OnnxRuntimeException or BadImageFormatException)
        {
            return null;
        }
    }

    // Built in a folder of its own and moved into place whole: a concurrent start never sees half a model.
    private static string? Build(Assembly assembly, string resourceSuffix, string prepared, string model, string? plain, QuestionTuning? tuning, CancellationToken cancellationToken)
    {
        var building = prepared + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Directory.CreateDirectory(building);
        try
        {
            if (tuning is not null)
            {
                WriteTuned(tuning, plain!, building);
            }
            else
            {
                var original = Path.Combine(building, "original.onnx");
                if (!TryCopyResource(assembly, resourceSuffix, original, cancellationToken))
                {
                    return null;
                }

                cancellationToken.ThrowIfCancellationRequested();
                Optimise(original, Path.Combine(building, ModelFileName));
                File.Delete(original);
            }

            try
            {
                Directory.Move(building, prepared);
            }
            catch (IOException) when (File.Exists(model))
            {
                // Another process prepared it first.
            }

            return model;
        }
        finally
        {
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }
        }
    }

    // The tuned graph is the prepared plain graph with the changes added (already optimised, so written as it is); it reads
    // the plain model's weights through a link beside it, as ONNX Runtime reads weights files from the model's folder only.
    private const string PlainWeightsLink = "plain.data";

    private static void WriteTuned(QuestionTuning tuning, string plainModel, string building)
    {
        File.CreateSymbolicLink(Path.Combine(building, PlainWeightsLink), Path.Combine(Path.GetDirectoryName(plainModel)!, WeightsFileName));
        var graph = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(plainModel));
        foreach (var location in graph.Graph.Initializer.SelectMany(t => t.ExternalData).Where(e => e.Key == "location"))
        {
            location.Value = PlainWeightsLink;
        }

        File.WriteAllBytes(Path.Combine(building, ModelFileName), tuning.ApplyTo(Google.Protobuf.MessageExtensions.ToByteArray(graph)));
    }

    /// <summary>Forgets a prepared model that failed to load, so the next start prepares it again.</summary>
    public static void Discard(string modelPath)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(modelPath)!, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to trip over and load from the assembly again.
        }
    }

    /// <summary>The resource's bytes, read from the assembly's file (used when no prepared model can be written), tuned when asked.</summary>
    public static byte[] ReadResource(Assembly assembly, string resourceSuffix, QuestionTuning? tuning) =>
        tuning is null ? ReadResource(assembly, resourceSuffix) : tuning.ApplyTo(ReadResource(assembly, resourceSuffix));

    /// <summary>The resource's bytes, read from the assembly's file.</summary>
    public static byte[] ReadResource(Assembly assembly, string resourceSuffix)
    {
        if (Locate(assembly, resourceSuffix) is { } located)
        {
            using var file = File.OpenRead(assembly.Location);
            file.Position = located.Offset;
            var bytes = new byte[located.Length];
            file.ReadExactly(bytes);
            return bytes;
        }

        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(resourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var copy = new byte[stream.Length];
        stream.ReadExactly(copy);
        return copy;
    }

    // ORT_ENABLE_EXTENDED is every graph rewrite that does not depend on this machine's CPU; the session that loads the
    // result applies the rest. Weights of 1 KiB or more go to the weights file, which ONNX Runtime maps when loading.
    private static void Optimise(string original, string optimised)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            OptimizedModelFilePath = optimised,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            EnableCpuMemArena = false,
        };
        options.AddSessionConfigEntry("session.optimized_model_external_initializers_file_name", WeightsFileName);
        options.AddSessionConfigEntry("session.optimized_model_external_initializers_min_size_in_bytes", "1024");
        using var session = new InferenceSession(original, options);
    }

    private static bool TryCopyResource(Assembly assembly, string resourceSuffix, string destination, CancellationToken cancellationToken)
    {
        if (Locate(assembly, resourceSuffix) is not { } located)
        {
            return false;
        }

        using var source = File.OpenRead(assembly.Location);
        using var target = File.Create(destination);
        source.Position = located.Offset;
        var buffer = new byte[1 << 20];
        for (var left = located.Length; left > 0;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException($"{assembly.Location} ends inside its resource.");
            }

            target.Write(buffer, 0, read);
            left -= read;
        }

        return true;
    }

    // Where the resource's bytes lie in the assembly's file: the managed resources directory holds each resource as a
    // 4-byte length followed by the bytes (ECMA-335 II.24.2.4).
    private static (long Offset, long Length)? Locate(Assembly assembly, string resourceSuffix)
    {
        if (string.IsNullOrEmpty(assembly.Location))
        {
            return null; // Bundled into a single file: only the loaded image has it.
        }

        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var resources = pe.PEHeaders.CorHeader?.ResourcesDirectory.RelativeVirtualAddress ?? 0;
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.GetString(resource.Name).EndsWith(resourceSuffix, StringComparison.Ordinal)
                || !pe.PEHeaders.TryGetDirectoryOffset(new DirectoryEntry(resources + (int)resource.Offset, 4), out var offset))
            {
                continue;
            }

            file.Position = offset;
            Span<byte> length = stackalloc byte[4];
            file.ReadExactly(length);
            return (offset + 4, BitConverter.ToUInt32(length));
        }

        return null;
    }

    // A new package (a new assembly), another ONNX Runtime or another optimiser output gets a folder of its own.
    private static string Key(Assembly assembly)
    {
        var identity = $"{assembly.GetName().Name}\n{assembly.ManifestModule.ModuleVersionId}\n{OrtEnv.Instance().GetVersionString()}\n{PreparationVersion}";
        return assembly.GetName().Name + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }
}
