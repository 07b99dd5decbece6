using Microsoft.Extensions.Hosting;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Loads the embedding model and embeds the articles at start-up, in the background, so the first question does not
/// pay for it. A question that arrives earlier simply waits for the same warm-up (it is shared, not repeated).
/// </summary>
public sealed class KnowledgeWarmup(HybridAnswerer answerer) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await answerer.WarmUpAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before warm-up finished.
        }
        catch (Exception)
        {
            // Already logged by the answerer; the next question retries the warm-up instead of taking the host down.
        }
    }
}
