using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// The encodings shipped in config/articles/embeddings: current for every article, equal to what the models compute,
/// read before anything is encoded and never written at run time.
/// </summary>
public sealed class ShippedEmbeddingsTests
{
    private static string ShippedFolder => Path.Combine(TestArticles.ArticlesFolder, EmbeddingCache.ShippedFolderName);

    [Fact]
    public void The_repository_ships_current_encodings_for_every_article_and_nothing_stale()
    {
        var expected = ShippedEmbeddings.ExpectedFiles(TestArticles.SeedLibrary(), TestArticles.Encoders).Order().ToArray();
        var present = Directory.Exists(ShippedFolder)
            ? Directory.GetFiles(ShippedFolder, "*" + EmbeddingCache.FileExtension).Select(Path.GetFileName).Order().ToArray()
            : [];

        Assert.True(expected.SequenceEqual(present),
            "config/articles/embeddings is out of date with the articles: run `dotnet run --project src/PolicyBot -- embed-articles` from the repository's root and commit the result.");
    }

    [Fact]
    public void Shipped_vectors_are_the_ones_the_models_compute()
    {
        var article = TestArticles.SeedLibrary().Articles[0];
        var text = new ArticleText(article);
        var models = new[] { TestArticles.Encoders.Words, TestArticles.Encoders.Retrieval }.OfType<ITextEmbedder>();
        foreach (var model in models)
        {
            var shipped = new EmbeddingCache(null, ShippedFolder).GetOrCreate(new ReadOnlyModel(model.ModelId), text.SentenceTexts, asQuery: false, withWords: model == TestArticles.Encoders.Words, CancellationToken.None);

            // A sample keeps the test short; the models are the ones the answers use.
            var sample = Enumerable.Range(0, text.SentenceTexts.Length).Where(i => i % 7 == 0).ToArray();
            var computed = model.Encode([.. sample.Select(i => text.SentenceTexts[i])], asQuery: false, withWords: true, CancellationToken.None);
            for (var j = 0; j < sample.Length; j++)
            {
                Assert.True(Vectors.Similarity(shipped[sample[j]].Vector, computed[j].Vector) > 0.999f, $"{model.ModelId}: sentence {sample[j]} differs from the model's vector");
            }
        }
    }

    [Fact]
    public async Task A_fresh_install_reads_the_shipped_encodings_and_writes_nothing_there()
    {
        using var articles = CopyOfSeedArticles();
        var shipped = articles.Combine(EmbeddingCache.ShippedFolderName);
        using var encoders = new Encoders(new CountingEmbedder());
        ShippedEmbeddings.Refresh(ArticleLibrary.Load(articles.Path), encoders, shipped, CancellationToken.None);
        var before = Directory.GetFiles(shipped).Select(File.GetLastWriteTimeUtc).ToArray();
        using var runtimeCache = new ScratchFolder();

        var model = new CountingEmbedder();
        var indexes = new ArticleIndexes(new Encoders(model), EmbeddingCache.ForArticles(articles.Path, runtimeCache.Path), new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);
        await indexes.GetAsync(ArticleLibrary.Load(articles.Path).Articles[0], CancellationToken.None);

        Assert.Equal(0, model.TextsEncoded);
        Assert.Empty(Directory.GetFiles(runtimeCache.Path));
        Assert.Equal(before, Directory.GetFiles(shipped).Select(File.GetLastWriteTimeUtc).ToArray());
    }

    [Fact]
    public async Task A_damaged_shipped_file_costs_an_encode_not_an_error()
    {
        using var articles = CopyOfSeedArticles();
        var shipped = articles.Combine(EmbeddingCache.ShippedFolderName);
        var library = ArticleLibrary.Load(articles.Path);
        using var encoders = new Encoders(new CountingEmbedder());
        Directory.CreateDirectory(shipped);
        foreach (var file in ShippedEmbeddings.ExpectedFiles(library, encoders))
        {
            await File.WriteAllBytesAsync(Path.Combine(shipped, file), [2, 0, 0, 0, 26, 0]);
        }

        var model = new CountingEmbedder();
        var indexes = new ArticleIndexes(new Encoders(model), EmbeddingCache.ForArticles(articles.Path, null), new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);
        var index = await indexes.GetAsync(library.Articles[0], CancellationToken.None);

        Assert.True(model.TextsEncoded > 0);
        Assert.Equal(library.Articles[0].ParagraphCount, index.Words.Paragraphs.Length);
    }

    [Fact]
    public void Refresh_writes_what_is_missing_deletes_what_is_stale_and_keeps_what_is_current()
    {
        using var folder = new ScratchFolder();
        var library = new ArticleLibrary([BikesArticle.Read()]);
        using var encoders = new Encoders(new CountingEmbedder());
        File.WriteAllText(folder.Combine("stale" + EmbeddingCache.FileExtension), "old");
        File.WriteAllText(folder.Combine("notes.txt"), "kept");

        var (written, deleted) = ShippedEmbeddings.Refresh(library, encoders, folder.Path, CancellationToken.None);
        var (again, _) = ShippedEmbeddings.Refresh(library, encoders, folder.Path, CancellationToken.None);

        Assert.Equal(ShippedEmbeddings.ExpectedFiles(library, encoders).Order(), written.Order());
        Assert.Equal(["stale" + EmbeddingCache.FileExtension], deleted);
        Assert.Empty(again);
        Assert.True(File.Exists(folder.Combine("notes.txt")));
    }

    private static ScratchFolder CopyOfSeedArticles()
    {
        var folder = new ScratchFolder();
        foreach (var file in Directory.GetFiles(TestArticles.ArticlesFolder))
        {
            File.Copy(file, folder.Combine(Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>Claims a real model's id but cannot encode: a read that falls through to encoding fails the test.</summary>
    private sealed class ReadOnlyModel(string modelId) : ITextEmbedder
    {
        public string ModelId => modelId;

        public void EnsureLoaded(CancellationToken cancellationToken)
        {
        }

        public EncodedText[] Encode(IReadOnlyList<string> texts, bool asQuery, bool withWords, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The shipped encodings were not read.");
    }
}
