using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// The embeddings shipped in config/articles/embeddings: current for every article, equal to what the model computes,
/// read before anything is encoded and never written at run time.
/// </summary>
public sealed class ShippedEmbeddingsTests
{
    private static string ShippedFolder => Path.Combine(TestArticles.ArticlesFolder, EmbeddingCache.ShippedFolderName);

    [Fact]
    public void The_repository_ships_current_embeddings_for_every_article_and_nothing_stale()
    {
        var expected = ShippedEmbeddings.AllExpectedFiles(TestArticles.SeedLibrary(), new MiniLmEmbedder().ModelId).Order().ToArray();
        var present = Directory.Exists(ShippedFolder)
            ? Directory.GetFiles(ShippedFolder, "*" + EmbeddingCache.FileExtension).Select(Path.GetFileName).Order().ToArray()
            : [];

        Assert.True(expected.SequenceEqual(present),
            "config/articles/embeddings is out of date with the articles: run `dotnet run --project src/PolicyBot -- embed-articles` from the repository's root and commit the result.");
    }

    [Fact]
    public void Shipped_vectors_are_the_ones_the_model_computes()
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0]);
        var texts = index.Units.Select(u => u.Text).ToArray();
        var shipped = new EmbeddingCache(null, ShippedFolder).GetOrCreate(new ReadOnlyModel(TestArticles.Embedder.ModelId), texts, CancellationToken.None);

        // A sample of every kind of unit keeps the test short; the model is the one the answers use.
        var sample = Enumerable.Range(0, texts.Length).Where(i => i % 9 == 0).ToArray();
        var computed = TestArticles.Embedder.Embed([.. sample.Select(i => texts[i])], CancellationToken.None);

        for (var j = 0; j < sample.Length; j++)
        {
            Assert.True(SemanticIndex.Similarity(shipped[sample[j]], computed[j]) > 0.999f, $"unit {sample[j]} \"{texts[sample[j]]}\" differs from the model's vector");
        }
    }

    [Fact]
    public void Shipped_labelled_question_vectors_are_the_ones_the_model_computes()
    {
        var article = TestArticles.SeedLibrary().Articles[0];
        var texts = QuestionBank.Texts(article);
        var shipped = new EmbeddingCache(null, ShippedFolder).GetOrCreate(new ReadOnlyModel(TestArticles.Embedder.ModelId), texts, CancellationToken.None);

        var sample = Enumerable.Range(0, texts.Length).Where(i => i % 211 == 0).ToArray();
        var computed = TestArticles.Embedder.Embed([.. sample.Select(i => texts[i])], CancellationToken.None);

        Assert.True(sample.Length >= 10);
        for (var j = 0; j < sample.Length; j++)
        {
            Assert.True(SemanticIndex.Similarity(shipped[sample[j]], computed[j]) > 0.999f, $"labelled question {sample[j]} \"{texts[sample[j]]}\" differs from the model's vector");
        }
    }

    [Fact]
    public async Task A_fresh_install_reads_the_shipped_embeddings_and_writes_nothing_there()
    {
        var articles = CopyOfSeedArticles();
        var shipped = Path.Combine(articles, EmbeddingCache.ShippedFolderName);
        ShippedEmbeddings.Refresh(ArticleLibrary.Load(articles), new CountingEmbedder(), shipped, CancellationToken.None);
        var before = Directory.GetFiles(shipped).Select(File.GetLastWriteTimeUtc).ToArray();
        var runtimeCache = TestArticles.NewTempFolder();

        var model = new CountingEmbedder();
        var answerer = new HybridAnswerer(ArticleLibrary.Load(articles), model, EmbeddingCache.ForArticles(articles, runtimeCache), NullLogger<HybridAnswerer>.Instance);
        await answerer.WarmUpAsync(CancellationToken.None);

        Assert.Equal(0, model.CorpusBatches);
        Assert.Empty(Directory.GetFiles(runtimeCache));
        Assert.Equal(before, Directory.GetFiles(shipped).Select(File.GetLastWriteTimeUtc).ToArray());
    }

    [Fact]
    public async Task A_damaged_shipped_file_costs_an_encode_not_an_error()
    {
        var articles = CopyOfSeedArticles();
        var shipped = Path.Combine(articles, EmbeddingCache.ShippedFolderName);
        var library = ArticleLibrary.Load(articles);
        var file = ShippedEmbeddings.ExpectedFiles(library, "counting")[library.Articles[0].Slug];
        Directory.CreateDirectory(shipped);
        await File.WriteAllBytesAsync(Path.Combine(shipped, file), [1, 0, 0, 0, 26, 0]);

        var model = new CountingEmbedder();
        var answerer = new HybridAnswerer(library, model, EmbeddingCache.ForArticles(articles, null), NullLogger<HybridAnswerer>.Instance);
        var answer = await answerer.AnswerAsync("Should sanctions be lifted?", null, CancellationToken.None);

        Assert.True(model.CorpusBatches > 0);
        Assert.NotNull(answer);
    }

    [Fact]
    public void Refresh_writes_what_is_missing_deletes_what_is_stale_and_leaves_other_files()
    {
        var articles = CopyOfSeedArticles();
        var shipped = Path.Combine(articles, EmbeddingCache.ShippedFolderName);
        Directory.CreateDirectory(shipped);
        File.WriteAllText(Path.Combine(shipped, "0000stale" + EmbeddingCache.FileExtension), "old");
        File.WriteAllText(Path.Combine(shipped, "README.txt"), "kept");
        var library = ArticleLibrary.Load(articles);

        var (written, deleted) = ShippedEmbeddings.Refresh(library, new CountingEmbedder(), shipped, CancellationToken.None);
        var again = ShippedEmbeddings.Refresh(library, new CountingEmbedder(), shipped, CancellationToken.None);

        Assert.Equal(ShippedEmbeddings.AllExpectedFiles(library, "counting").Order(), written.Order());
        Assert.Equal(2, written.Count); // the paragraphs' units and the labelled questions
        Assert.Equal(["0000stale" + EmbeddingCache.FileExtension], deleted);
        Assert.Empty(again.Written);
        Assert.Empty(again.Deleted);
        Assert.True(File.Exists(Path.Combine(shipped, "README.txt")));
    }

    private static string CopyOfSeedArticles()
    {
        var folder = TestArticles.NewTempFolder();
        foreach (var file in Directory.GetFiles(TestArticles.ArticlesFolder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>Claims the real model's id but cannot encode: a read that falls through to encoding fails the test.</summary>
    private sealed class ReadOnlyModel(string modelId) : ITextEmbedder
    {
        public string ModelId => modelId;

        public void EnsureLoaded()
        {
        }

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The shipped embeddings were not read.");
    }
}
