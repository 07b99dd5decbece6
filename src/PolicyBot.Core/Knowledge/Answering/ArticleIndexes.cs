using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Builds each article's <see cref="ArticleIndex"/> once, in the background, and hands it out: a question about an
/// article waits for its index (the first one for a new article takes about a second), questions about the others go on.
/// An article that changes gets a new index; the old one is dropped. Disposing stops the builds under way (at shutdown),
/// before the models they run are disposed.
/// </summary>
public sealed partial class ArticleIndexes(Encoders encoders, EmbeddingCache cache, AnsweringOptions options, ILogger<ArticleIndexes> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Article, Lazy<Task<ArticleIndex>>> _indexes = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ArticleIndexes> _siblings = new(StringComparer.Ordinal);

    private IReadOnlyList<string>? _heldOut;

    public Encoders Encoders => encoders;

    /// <summary>
    /// Indexes for an evaluation: the labelled questions that are <paramref name="heldOut"/> questions (or copies of
    /// them) do not vote, so the answerer is scored on questions it has not been told about.
    /// </summary>
    public static ArticleIndexes ForEvaluation(Encoders encoders, EmbeddingCache cache, AnsweringOptions options, IReadOnlyList<string> heldOut) =>
        new(encoders, cache, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleIndexes>.Instance) { _heldOut = heldOut };

    /// <summary>
    /// Indexes read as <paramref name="tuning"/> reads (<see cref="Encoders.ReadingWith"/>): these, unless it reads
    /// articles too. Kept per tuning, for evaluations that train models at run time.
    /// </summary>
    public ArticleIndexes For(QuestionTuning? tuning)
    {
        var reading = encoders.ReadingWith(tuning);
        return ReferenceEquals(reading, encoders) ? this
            : _siblings.GetOrAdd(tuning!.Key, _ => new ArticleIndexes(reading, cache, options, logger) { _heldOut = _heldOut });
    }

    /// <summary>The index of <paramref name="article"/>, built now or by an earlier caller.</summary>
    public Task<ArticleIndex> GetAsync(Article article, CancellationToken cancellationToken) =>
        _indexes.GetOrAdd(article, a => new Lazy<Task<ArticleIndex>>(() => Task.Run(() => Build(a), CancellationToken.None))).Value.WaitAsync(cancellationToken);

    /// <summary>Whether <paramref name="article"/>'s index is ready (for <c>articles</c>).</summary>
    public bool IsReady(Article article) => _indexes.TryGetValue(article, out var index) && index.IsValueCreated && index.Value.IsCompletedSuccessfully;

    /// <summary>Starts building the indexes of <paramref name="library"/>'s articles and forgets those of articles no longer in it.</summary>
    public void Track(ArticleLibrary library)
    {
        foreach (var gone in _indexes.Keys.Where(a => !library.Articles.Contains(a, ReferenceEqualityComparer.Instance)).ToArray())
        {
            _indexes.TryRemove(gone, out _);
        }

        foreach (var article in library.Articles)
        {
            _ = GetAsync(article, CancellationToken.None).ContinueWith(
                t =>
                {
                    if (!_stopping.IsCancellationRequested)
                    {
                        LogFailed(t.Exception!, article.Slug);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }
    }

    /// <summary>Cancels the builds under way; they end at their next inference instead of running into disposed models.</summary>
    public void Dispose()
    {
        _stopping.Cancel(); // Not disposed: a build that starts afterwards still reads its token.
        foreach (var sibling in _siblings.Values)
        {
            sibling.Dispose();
        }
    }

    private ArticleIndex Build(Article article)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var index = ArticleIndex.Build(article, encoders, cache, options.LabelledQuestions, _stopping.Token, _heldOut);
            LogBuilt(article.Slug, clock.ElapsedMilliseconds);
            return index;
        }
        catch
        {
            // A failed build (the model could not load) is retried by the next question instead of failing it forever.
            _indexes.TryRemove(article, out _);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Slug} is ready to answer ({Milliseconds} ms)")]
    private partial void LogBuilt(string slug, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not prepare article {Slug} for answering")]
    private partial void LogFailed(Exception exception, string slug);
}
