using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge.Embedding;

/// <summary>
/// The encodings that ship beside the articles (<c>&lt;articles&gt;/embeddings/&lt;key&gt;.emb</c>), so a fresh install
/// answers its first question without encoding the articles. <c>PolicyBot embed-articles</c> refreshes them after an
/// article or its data files change; a test fails while they are out of date.
/// </summary>
public static class ShippedEmbeddings
{
    /// <summary>Every file the shipped folder must hold for <paramref name="library"/>.</summary>
    public static IReadOnlySet<string> ExpectedFiles(ArticleLibrary library, Encoders encoders) =>
        library.Articles.SelectMany(a => ArticleIndex.CacheFiles(a, encoders)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Writes the encodings of every article in <paramref name="library"/> and deletes files no article uses any more.</summary>
    /// <returns>The files written (current files are kept as they are) and the stale files deleted.</returns>
    public static (IReadOnlyList<string> Written, IReadOnlyList<string> Deleted) Refresh(
        ArticleLibrary library, Encoders encoders, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var cache = new EmbeddingCache(folder);
        foreach (var article in library.Articles)
        {
            var missing = ArticleIndex.CacheFiles(article, encoders).Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            ArticleIndex.Build(article, encoders, cache, new LabelledQuestionOptions(), cancellationToken);

            // The cache swallows write errors (a read-only folder only costs it an encode); here they are the point.
            foreach (var file in missing)
            {
                if (!File.Exists(Path.Combine(folder, file)))
                {
                    throw new IOException($"Could not write {Path.Combine(folder, file)}.");
                }

                written.Add(file);
            }
        }

        var keep = ExpectedFiles(library, encoders);
        var deleted = Directory.EnumerateFiles(folder, "*" + EmbeddingCache.FileExtension)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !keep.Contains(name))
            .ToList();
        foreach (var name in deleted)
        {
            File.Delete(Path.Combine(folder, name));
        }

        return (written, deleted);
    }
}
