using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>An article is encoded once however many questions race for it; a failed build is retried; encodings are cached.</summary>
public sealed class ArticleIndexesTests
{
    [Fact]
    public async Task Concurrent_first_questions_share_one_build()
    {
        var model = new CountingEmbedder();
        var indexes = Indexes(model, EmbeddingCache.None);
        var article = BikesArticle.Read();

        var built = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => indexes.GetAsync(article, CancellationToken.None))));

        Assert.All(built, b => Assert.Same(built[0], b));
        Assert.Equal(TextsOf(built[0]), model.TextsEncoded);
        Assert.True(indexes.IsReady(article));
    }

    [Fact]
    public async Task A_failed_build_is_retried_by_the_next_question()
    {
        var model = new CountingEmbedder { FailOnFirstEncode = true };
        var indexes = Indexes(model, EmbeddingCache.None);
        var article = BikesArticle.Read();

        await Assert.ThrowsAsync<InvalidOperationException>(() => indexes.GetAsync(article, CancellationToken.None));
        Assert.False(indexes.IsReady(article));
        var index = await indexes.GetAsync(article, CancellationToken.None);

        Assert.Equal(3, index.Text.ParagraphCount);
        Assert.True(indexes.IsReady(article));
    }

    [Fact]
    public async Task Encodings_are_cached_on_disk_between_runs()
    {
        using var folder = new ScratchFolder();
        var first = new CountingEmbedder();
        await Indexes(first, new EmbeddingCache(folder.Path)).GetAsync(BikesArticle.Read(), CancellationToken.None);
        var second = new CountingEmbedder();
        await Indexes(second, new EmbeddingCache(folder.Path)).GetAsync(BikesArticle.Read(), CancellationToken.None);

        Assert.True(first.TextsEncoded > 0);
        Assert.Equal(0, second.TextsEncoded);
        Assert.Equal(3, Directory.GetFiles(folder.Path, "*.emb").Length); // paragraphs, sentences, windows
    }

    [Fact]
    public async Task Tracking_a_library_builds_its_articles_and_forgets_those_that_left()
    {
        var model = new CountingEmbedder();
        var indexes = Indexes(model, EmbeddingCache.None);
        var bikes = BikesArticle.Read();
        var edited = bikes with { Title = "Edited" };

        indexes.Track(new ArticleLibrary([bikes]));
        await indexes.GetAsync(bikes, CancellationToken.None);
        indexes.Track(new ArticleLibrary([edited]));
        var index = await indexes.GetAsync(edited, CancellationToken.None);

        Assert.Equal("Edited", index.Article.Title);
        Assert.False(indexes.IsReady(bikes));
    }

    [Fact]
    public async Task A_tuning_that_reads_articles_gets_indexes_read_by_its_model()
    {
        var (plain, tuned) = (new CountingEmbedder(), new CountingEmbedder());
        var indexes = new ArticleIndexes(new Encoders(plain, tuned: _ => tuned), EmbeddingCache.None, new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);
        var readsArticles = Tuning(readsArticles: true);
        var article = BikesArticle.Read();

        var reading = indexes.For(readsArticles);
        await reading.GetAsync(article, CancellationToken.None);

        Assert.Same(tuned, reading.Encoders.Words);
        Assert.Same(tuned, reading.Encoders.Questions);
        Assert.Same(reading, indexes.For(readsArticles));
        Assert.True(tuned.TextsEncoded > 0);
        Assert.Equal(0, plain.TextsEncoded);
        Assert.Same(indexes, indexes.For(Tuning(readsArticles: false)));
        Assert.Same(indexes, indexes.For(null));
    }

    private static QuestionTuning Tuning(bool readsArticles) =>
        new() { Scale = 1, Deltas = [], Probe = new TuningProbe("q", []), ReadsArticles = readsArticles };

    private static ArticleIndexes Indexes(CountingEmbedder model, EmbeddingCache cache) =>
        new(new Encoders(model), cache, new AnsweringOptions(), NullLogger<ArticleIndexes>.Instance);

    private static int TextsOf(ArticleIndex index) =>
        index.Text.ParagraphCount + index.Text.SentenceOrder.Length + index.Text.Windows.Length;
}
