using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot embed-articles [--articles folder]</c>: writes the articles' embeddings into
/// <c>&lt;folder&gt;/embeddings</c> (see <see cref="ShippedEmbeddings"/>) and removes stale ones. Run it from the
/// repository's root after editing an article or its positions, and commit the result.
/// </summary>
public static class EmbedArticlesCli
{
    public static Task<int> RunAsync(string? articlesPath, TextWriter output, CancellationToken ct)
    {
        var (options, folder, library) = CliArticles.Load(articlesPath);
        var target = Path.Combine(folder, EmbeddingCache.ShippedFolderName);
        using var embedder = new MiniLmEmbedder(options.InferenceThreads);
        var (written, deleted) = ShippedEmbeddings.Refresh(library, embedder, target, ct);
        output.WriteLine($"{target}: {library.Articles.Length} article(s), {written.Count} file(s) written, {deleted.Count} stale file(s) deleted");
        foreach (var file in written)
        {
            output.WriteLine($"  + {file}");
        }

        foreach (var file in deleted)
        {
            output.WriteLine($"  - {file}");
        }

        return Task.FromResult(0);
    }
}
