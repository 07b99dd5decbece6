using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// Encoded texts on disk, keyed by the model, how the texts were encoded and the exact texts: a restart loads them in
/// milliseconds instead of re-encoding every paragraph. Any change to an article changes the key, so a stale file is
/// never read. Vectors are kept as half-precision floats on disk (half the size; cosine similarities move by less
/// than 0.001) and as single-precision in memory.
/// </summary>
/// <param name="folder">Where computed encodings are written and read back; empty: nowhere.</param>
/// <param name="shippedFolder">
/// Encodings that ship with the articles (<c>config/articles/embeddings</c>, written by <c>PolicyBot embed-articles</c>),
/// read first and never written: even the first start of a fresh install skips encoding the shipped articles.
/// </param>
public sealed class EmbeddingCache(string? folder, string? shippedFolder = null)
{
    /// <summary>The sub-folder of an articles folder that holds their shipped encodings.</summary>
    public const string ShippedFolderName = "embeddings";

    public const string FileExtension = ".emb";

    private const int FormatVersion = 2;

    /// <summary>No cache at all: every text is encoded.</summary>
    public static EmbeddingCache None { get; } = new(null);

    /// <summary>The cache for the articles in <paramref name="articlesFolder"/>: their shipped encodings, then <paramref name="folder"/>.</summary>
    public static EmbeddingCache ForArticles(string articlesFolder, string? folder) =>
        new(folder, Path.Combine(articlesFolder, ShippedFolderName));

    /// <summary>The file name under which these texts' encodings are kept.</summary>
    public static string FileName(ITextEmbedder embedder, IReadOnlyList<string> texts, bool asQuery, bool withWords) =>
        Key(embedder.ModelId, texts, asQuery, withWords) + FileExtension;

    public EncodedText[] GetOrCreate(ITextEmbedder embedder, IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken)
    {
        var fileName = FileName(embedder, texts, asQuery, withWords);
        if (!string.IsNullOrWhiteSpace(shippedFolder) && TryRead(Path.Combine(shippedFolder, fileName), texts.Count) is { } shipped)
        {
            return shipped;
        }

        var path = string.IsNullOrWhiteSpace(folder) ? null : Path.Combine(folder, fileName);
        if (path is not null && TryRead(path, texts.Count) is { } cached)
        {
            return cached;
        }

        var encoded = embedder.Encode(texts, asQuery, withWords, cancellationToken);
        if (path is not null)
        {
            TryWrite(path, encoded);
        }

        return encoded;
    }

    /// <summary>Writes <paramref name="encoded"/> where <see cref="GetOrCreate"/> looks for it; false when the folder is not writable.</summary>
    public static bool TryWrite(string path, IReadOnlyList<EncodedText> encoded)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(FormatVersion);
                writer.Write(encoded.Count);
                foreach (var text in encoded)
                {
                    WriteVector(writer, text.Vector);
                    writer.Write(text.Words.Length);
                    for (var w = 0; w < text.Words.Length; w++)
                    {
                        writer.Write(text.Words[w]);
                        WriteVector(writer, text.WordVectors[w]);
                    }
                }
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // A read-only file system (a locked-down container): run without the cache.
        }
    }

    private static string Key(string modelId, IReadOnlyList<string> texts, bool asQuery, bool withWords)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{FormatVersion}\n{modelId}\nquery={asQuery}\nwords={withWords}\n"));
        foreach (var text in texts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static EncodedText[]? TryRead(string path, int expectedCount)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != FormatVersion || reader.ReadInt32() != expectedCount)
            {
                return null;
            }

            var encoded = new EncodedText[expectedCount];
            for (var i = 0; i < expectedCount; i++)
            {
                var vector = ReadVector(reader);
                var words = new string[reader.ReadInt32()];
                var wordVectors = new float[words.Length][];
                for (var w = 0; w < words.Length; w++)
                {
                    words[w] = reader.ReadString();
                    wordVectors[w] = ReadVector(reader);
                }

                encoded[i] = new EncodedText(vector, words, wordVectors);
            }

            return encoded;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or InvalidDataException)
        {
            return null; // A damaged or unreadable cache only costs an encode.
        }
    }

    private static void WriteVector(BinaryWriter writer, float[] vector)
    {
        writer.Write((short)vector.Length);
        var halves = new Half[vector.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(vector, halves);
        writer.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
    }

    private static float[] ReadVector(BinaryReader reader)
    {
        var length = reader.ReadInt16();
        if (length is <= 0 or > 4096)
        {
            throw new InvalidDataException($"a vector of {length} dimensions");
        }

        var halves = new Half[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
        var vector = new float[length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(halves, vector);
        return vector;
    }
}
