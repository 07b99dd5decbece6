using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The seed article from config/articles, the evaluation corpus, and one shared pair of models (loading them takes seconds).</summary>
public static class TestArticles
{
    private static readonly Lazy<Encoders> SharedEncoders = new(() => Encoders.Production(inferenceThreads: 1, AnswerModels.Shipped.UsesRetrievalModel, questionTuning: AnswerModels.Shipped.Tuning));

    public static string RepositoryRoot => RepositoryFolder.Root;

    public static string ArticlesFolder => Path.Combine(RepositoryRoot, "config", "articles");

    /// <summary>The development corpus: articles/, questions/ and halves.json.</summary>
    public static string CorpusFolder => Path.Combine(RepositoryRoot, "tests", "eval");

    public static ArticleLibrary SeedLibrary() => ArticleLibrary.Load(ArticlesFolder);

    /// <summary>One corpus article, alone, as a community would drop it in.</summary>
    public static Article CorpusArticle(string slug) => ArticleFolder.Read(Path.Combine(CorpusFolder, "articles"), slug);

    public static Encoders Encoders => SharedEncoders.Value;

    /// <summary>
    /// Indexes that read the shipped encodings (keyed by the exact texts, so they serve copies of the seed article in
    /// temporary folders too) and cache the others in a folder shared by the test runs.
    /// </summary>
    public static ArticleIndexes Indexes() => new(Encoders, Cache(), new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);

    /// <summary>
    /// Kept across runs on purpose, as the bot keeps its own: a file is named by its model and exact texts, so the folder
    /// grows only when the texts the tests encode or a model change, and later runs skip encoding them again.
    /// </summary>
    public static EmbeddingCache Cache() =>
        new(Path.Combine(Path.GetTempPath(), "policybot-tests", "embeddings"), Path.Combine(ArticlesFolder, EmbeddingCache.ShippedFolderName));

    /// <summary>The production pipeline over <paramref name="library"/>.</summary>
    public static AnswerPipeline Pipeline(ArticleLibrary library, AnsweringOptions? options = null) =>
        new(new FixedArticles(library), Indexes(), AnswerModels.Shipped, options ?? new AnsweringOptions());
}
