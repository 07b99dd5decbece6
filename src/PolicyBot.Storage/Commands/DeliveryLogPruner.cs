using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Storage.Commands;

/// <summary>
/// Keeps the delivery-id log small: platforms stop retrying within minutes (Slack's last retry comes after 5),
/// so ids older than a day are forgotten, once an hour.
/// </summary>
public sealed partial class DeliveryLogPruner(SqlDeliveryLog log, TimeProvider clock, ILogger<DeliveryLogPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    LogPruned(await log.PruneAsync(KeepFor, stoppingToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed prune only leaves old ids a little longer; the next tick tries again.
                    LogPruneFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forgot {Count} old delivery ids")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the delivery-id log failed")]
    private partial void LogPruneFailed(Exception exception);
}
