using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// Corpus embeddings on disk, keyed by the model and the exact texts: a restart loads them in milliseconds
/// instead of re-encoding every paragraph, which keeps the first answer after start-up fast. Any change to an
/// article or its positions changes the key, so a stale file is never read.
/// </summary>
/// <param name="folder">Where computed embeddings are written and read back; empty: nowhere.</param>
/// <param name="shippedFolder">
/// Embeddings that ship with the articles (<c>config/articles/embeddings</c>, written by <c>PolicyBot embed-articles</c>),
/// read first and never written: even the very first start of a fresh install skips encoding the shipped articles.
/// </param>
public sealed class EmbeddingCache(string? folder, string? shippedFolder = null)
{
    /// <summary>The sub-folder of an articles folder that holds their shipped embeddings.</summary>
    public const string ShippedFolderName = "embeddings";

    public const string FileExtension = ".emb";

    private const int FormatVersion = 1;

    /// <summary>The cache for the articles in <paramref name="articlesFolder"/>: their shipped embeddings, then <paramref name="folder"/>.</summary>
    public static EmbeddingCache ForArticles(string articlesFolder, string? folder) =>
        new(folder, Path.Combine(articlesFolder, ShippedFolderName));

    /// <summary>The file name under which the embeddings of <paramref name="texts"/> by <paramref name="modelId"/> are kept.</summary>
    public static string FileName(string modelId, IReadOnlyList<string> texts) => Key(modelId, texts) + FileExtension;

    public float[][] GetOrCreate(ITextEmbedder embedder, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var fileName = FileName(embedder.ModelId, texts);
        if (!string.IsNullOrWhiteSpace(shippedFolder) && TryRead(Path.Combine(shippedFolder, fileName), texts.Count) is { } shipped)
        {
            return shipped;
        }

        var path = string.IsNullOrWhiteSpace(folder) ? null : Path.Combine(folder, fileName);
        if (path is not null && TryRead(path, texts.Count) is { } cached)
        {
            return cached;
        }

        var vectors = embedder.Embed(texts, cancellationToken);
        if (path is not null)
        {
            TryWrite(path, vectors);
        }

        return vectors;
    }

    private static string Key(string modelId, IReadOnlyList<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{FormatVersion}\n{modelId}\n"));
        foreach (var text in texts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static float[][]? TryRead(string path, int expectedCount)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new BinaryReader(File.OpenRead(path));
            var count = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            if (count != expectedCount || dimensions is <= 0 or > 4096)
            {
                return null;
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[dimensions];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()));
            }

            return vectors;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null; // A damaged or unreadable cache only costs an encode.
        }
    }

    private static void TryWrite(string path, float[][] vectors)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(vectors.Length);
                writer.Write(vectors.Length == 0 ? 0 : vectors[0].Length);
                foreach (var vector in vectors)
                {
                    writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Read-only file system (a locked-down container): run without the cache.
        }
    }
}
