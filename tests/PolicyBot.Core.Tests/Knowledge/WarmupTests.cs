using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The corpus is embedded once however many questions race the warm-up; a failed warm-up is retried.</summary>
public sealed class WarmupTests
{
    [Fact]
    public async Task Concurrent_first_questions_share_one_warm_up()
    {
        var embedder = new CountingEmbedder();
        var answerer = new HybridAnswerer(TestArticles.SeedLibrary(), embedder, new EmbeddingCache(null), NullLogger<HybridAnswerer>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => answerer.AnswerAsync($"Should sanctions be lifted {i}?", null, CancellationToken.None))));

        var article = TestArticles.SeedLibrary().Articles[0];
        var corpus = new ArticleIndex(article).Units.Length + article.LabelledQuestions.Length;
        Assert.Equal(1, embedder.Loads);
        Assert.Equal(corpus + 8, embedder.TextsEmbedded); // the passages and labelled questions once, then each question
        Assert.True(answerer.IsWarm);
    }

    [Fact]
    public async Task A_failed_warm_up_is_retried_by_the_next_question()
    {
        var embedder = new CountingEmbedder { FailFirstLoad = true };
        var answerer = new HybridAnswerer(TestArticles.SeedLibrary(), embedder, new EmbeddingCache(null), NullLogger<HybridAnswerer>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => answerer.WarmUpAsync(CancellationToken.None));
        await answerer.AnswerAsync("Should sanctions be lifted?", null, CancellationToken.None);

        Assert.Equal(2, embedder.Loads);
        Assert.True(answerer.IsWarm);
    }

    [Fact]
    public async Task Corpus_embeddings_are_cached_on_disk_between_runs()
    {
        var folder = TestArticles.NewTempFolder();
        var first = new CountingEmbedder();
        await new HybridAnswerer(TestArticles.SeedLibrary(), first, new EmbeddingCache(folder), NullLogger<HybridAnswerer>.Instance).WarmUpAsync(CancellationToken.None);
        var second = new CountingEmbedder();
        await new HybridAnswerer(TestArticles.SeedLibrary(), second, new EmbeddingCache(folder), NullLogger<HybridAnswerer>.Instance).WarmUpAsync(CancellationToken.None);

        Assert.True(first.CorpusBatches > 0);
        Assert.Equal(0, second.CorpusBatches);
        Assert.Equal(2, Directory.GetFiles(folder, "*.emb").Length); // the passages, and the labelled questions
    }
}
