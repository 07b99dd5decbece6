using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Loads the sentence-embedding models (MiniLM tuned for questions, when the answer models carry a tuning: in production
/// the same session as plain MiniLM's, <see cref="Encoders.Production"/>) and
/// prepares every article at start-up, in the background, so the first
/// question does not pay for it; afterwards prepares each article the folder gains or changes. A question that
/// arrives earlier waits for the same work (it is shared, not repeated).
/// </summary>
public sealed partial class KnowledgeWarmup(ArticleCatalog catalog, ArticleIndexes indexes, AnswerModels models, ILogger<KnowledgeWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(
                () =>
                {
                    indexes.Encoders.EnsureLoaded(stoppingToken);
                    if (models.Tuning is { } tuning)
                    {
                        indexes.Encoders.Tuned(tuning).EnsureLoaded(stoppingToken);
                    }
                },
                stoppingToken).ConfigureAwait(false);
            catalog.Changed += indexes.Track;
            indexes.Track(catalog.Current);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before warm-up finished.
        }
        catch (Exception ex)
        {
            // The next question retries instead of taking the host down.
            LogFailed(ex);
        }
    }

    public override void Dispose()
    {
        catalog.Changed -= indexes.Track;
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the sentence-embedding models failed; questions will retry")]
    private partial void LogFailed(Exception exception);
}
