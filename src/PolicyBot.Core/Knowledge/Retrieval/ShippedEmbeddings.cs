namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// The embeddings that ship beside the articles (<c>&lt;articles&gt;/embeddings/&lt;key&gt;.emb</c>), so a fresh install
/// answers its first question without encoding the corpus. <c>PolicyBot embed-articles</c> refreshes them after an
/// article, its positions or its labelled questions change; a test fails while they are out of date.
/// </summary>
public static class ShippedEmbeddings
{
    /// <summary>The file each article's embeddings must be in, for the current texts and model.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedFiles(ArticleLibrary library, string modelId) =>
        library.Articles.ToDictionary(a => a.Slug, a => SemanticIndex.CacheFileName(new ArticleIndex(a), modelId), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every file the shipped folder must hold: each article's units, and its labelled questions if it has any.</summary>
    public static IReadOnlySet<string> AllExpectedFiles(ArticleLibrary library, string modelId) =>
        library.Articles.SelectMany(a => FilesOf(a, modelId)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Writes the embeddings of every article in <paramref name="library"/> and deletes files no article uses any more.</summary>
    /// <returns>The files written (already current files are kept as they are) and the stale files deleted.</returns>
    public static (IReadOnlyList<string> Written, IReadOnlyList<string> Deleted) Refresh(
        ArticleLibrary library, ITextEmbedder embedder, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var cache = new EmbeddingCache(folder);
        foreach (var article in library.Articles)
        {
            var missing = FilesOf(article, embedder.ModelId).Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            SemanticIndex.Build(new ArticleIndex(article), embedder, cache, cancellationToken);

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

        var keep = AllExpectedFiles(library, embedder.ModelId);
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

    private static IEnumerable<string> FilesOf(Article article, string modelId)
    {
        yield return SemanticIndex.CacheFileName(new ArticleIndex(article), modelId);
        if (SemanticIndex.BankCacheFileName(article, modelId) is { } questions)
        {
            yield return questions;
        }
    }
}
