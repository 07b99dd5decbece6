using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot embed-articles [--articles folder]</c>: writes the articles' encodings into
/// <c>&lt;folder&gt;/embeddings</c> (see <see cref="ShippedEmbeddings"/>) and removes stale ones. Run it from the
/// repository's root after editing an article or its data files, and commit the result.
/// </summary>
public static class EmbedArticlesCli
{
    public static Task<int> RunAsync(string? articlesPath, TextWriter output, CancellationToken ct)
    {
        var articles = CliArticles.Load(articlesPath);
        var target = Path.Combine(articles.Folder, EmbeddingCache.ShippedFolderName);
        using var encoders = articles.NewEncoders();
        var (written, deleted) = ShippedEmbeddings.Refresh(articles.Library, encoders, target, ct);
        output.WriteLine($"{target}: {articles.Library.Articles.Length} article(s), {written.Count} file(s) written, {deleted.Count} stale file(s) deleted");
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
