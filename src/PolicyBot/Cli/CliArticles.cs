using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Cli;

/// <summary>
/// What the article commands (<c>ask</c>, <c>ask-eval</c>, <c>embed-articles</c>) start from: the bot's
/// <c>Knowledge</c> settings (<see cref="CliKnowledgeOptions"/>), the articles folder they point at, and its articles.
/// </summary>
public sealed record CliArticles(KnowledgeOptions Options, string Folder, ArticleLibrary Library)
{
    public static CliArticles Load(string? articlesPath)
    {
        var options = CliKnowledgeOptions.Load(articlesPath);
        var folder = ResolveFolder(options);
        return new CliArticles(options, folder, ArticleLibrary.Load(folder));
    }

    /// <summary>A folder given on the command line is taken from the working directory when it exists there, else from the app folder.</summary>
    public static string ResolveFolder(KnowledgeOptions options) =>
        Directory.Exists(options.ArticlesPath) ? Path.GetFullPath(options.ArticlesPath) : options.ResolveArticlesPath();

    /// <summary>The hybrid answerer over these articles, with their shipped embeddings and the configured disk cache.</summary>
    /// <param name="heldOutQuestions">Questions being measured, which the labelled questions must not answer (ask-eval).</param>
    public HybridAnswerer NewAnswerer(ITextEmbedder embedder, IReadOnlyList<string>? heldOutQuestions = null) =>
        new(Library, embedder, EmbeddingCache.ForArticles(Folder, Options.EmbeddingCachePath), NullLogger<HybridAnswerer>.Instance, heldOutQuestions: heldOutQuestions);
}
