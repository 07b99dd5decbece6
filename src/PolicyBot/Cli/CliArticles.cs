using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Cli;

/// <summary>
/// What the article commands (<c>ask</c>, <c>ask-eval</c>, <c>embed-articles</c>, <c>train-answerer</c>) start from: the
/// bot's <c>Knowledge</c> settings (<see cref="CliKnowledgeOptions"/>), the articles folder they point at, and its articles.
/// </summary>
public sealed record CliArticles(KnowledgeOptions Options, AnsweringOptions Answering, string Folder, ArticleLibrary Library)
{
    public static CliArticles Load(string? articlesPath)
    {
        var (options, answering) = CliKnowledgeOptions.Load(articlesPath);
        return From(options, answering);
    }

    /// <summary>The folder the options name, with <c>Knowledge:DefaultArticle</c> as its default, as the bot has it.</summary>
    internal static CliArticles From(KnowledgeOptions options, AnsweringOptions answering)
    {
        var folder = ResolveFolder(options);
        return new CliArticles(options, answering, folder, ArticleLibrary.Load(folder, options.DefaultArticle));
    }

    /// <summary>A folder given on the command line is taken from the working directory when it exists there, else from the app folder.</summary>
    public static string ResolveFolder(KnowledgeOptions options) =>
        Directory.Exists(options.ArticlesPath) ? Path.GetFullPath(options.ArticlesPath) : options.ResolveArticlesPath();

    /// <summary>The production encoders: the models the shipped answer models were trained with.</summary>
    public Encoders NewEncoders() => Encoders.Production(Options.InferenceThreads, AnswerModels.Shipped.UsesRetrievalModel, questionTuning: AnswerModels.Shipped.Tuning);

    /// <summary>Indexes over these articles' shipped embeddings and the configured disk cache.</summary>
    public ArticleIndexes NewIndexes(Encoders encoders) =>
        new(encoders, EmbeddingCache.ForArticles(Folder, Options.EmbeddingCachePath), Answering, NullLogger<ArticleIndexes>.Instance);
}
