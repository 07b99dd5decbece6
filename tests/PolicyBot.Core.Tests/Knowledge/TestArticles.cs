using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The seed article from config/articles, and one shared MiniLM model (loading it takes seconds).</summary>
public static class TestArticles
{
    private static readonly Lazy<MiniLmEmbedder> SharedEmbedder = new(() => new MiniLmEmbedder());

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ArticlesFolder => Path.Combine(RepositoryRoot, "config", "articles");

    public static ArticleLibrary SeedLibrary() => ArticleLibrary.Load(ArticlesFolder);

    public static ITextEmbedder Embedder => SharedEmbedder.Value;

    // The shipped embeddings are keyed by their exact texts, so they serve copies of the seed article in temporary
    // folders too; encoding its thousands of labelled questions for each test would take a minute.
    public static HybridAnswerer Answerer(ArticleLibrary library, IReadOnlyList<string>? heldOutQuestions = null) =>
        new(library, Embedder, new EmbeddingCache(null, Path.Combine(ArticlesFolder, EmbeddingCache.ShippedFolderName)), Microsoft.Extensions.Logging.Abstractions.NullLogger<HybridAnswerer>.Instance, heldOutQuestions: heldOutQuestions);

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyBot.sln not found above the test folder.");
    }
}
