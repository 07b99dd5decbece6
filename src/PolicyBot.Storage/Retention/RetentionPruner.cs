using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Storage.Retention;

/// <summary>
/// The one pruner for every table that grows with traffic: a pass at start-up, then one every
/// <see cref="RetentionOptions.Interval"/> on the injected clock. A table whose prune fails keeps its rows a little longer
/// and the others are still pruned; the next pass tries again. Several instances may prune at once: deletes are idempotent.
/// </summary>
public sealed partial class RetentionPruner : BackgroundService
{
    private readonly RetentionSweep _sweep;
    private readonly ILogger<RetentionPruner> _logger;

    // Created here, not in ExecuteAsync (which runs on another thread): a clock advanced right after start still ticks it.
    private readonly PeriodicTimer _timer;

    public RetentionPruner(RetentionSweep sweep, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionPruner> logger)
    {
        _sweep = sweep;
        _logger = logger;
        _timer = new PeriodicTimer(options.Value.Interval, clock);
    }

    /// <summary>After each pass of the running service (tests wait on it instead of sleeping).</summary>
    internal event Action<RetentionReport>? PassCompleted;

    /// <summary>One pass over every table.</summary>
    public async Task<RetentionReport> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var report = new RetentionReport(
            await PruneAsync("delivery_log", _sweep.PruneDeliveryIdsAsync, cancellationToken).ConfigureAwait(false),
            await PruneAsync("poll_vote_deliveries", _sweep.PruneVoteDeliveriesAsync, cancellationToken).ConfigureAwait(false),
            await PruneAsync("answer_log", _sweep.PruneAnswersAsync, cancellationToken).ConfigureAwait(false),
            await PruneAsync("polls", _sweep.PruneClosedPollsAsync, cancellationToken).ConfigureAwait(false),
            await PruneAsync("polls (no close job)", _sweep.CloseStrandedPollsAsync, cancellationToken).ConfigureAwait(false));
        if (report.Total > 0)
        {
            LogPruned(report.DeliveryIds, report.VoteDeliveries, report.Answers, report.ClosedPolls, report.StrandedPollsClosed);
        }

        return report;
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                PassCompleted?.Invoke(await PruneOnceAsync(stoppingToken).ConfigureAwait(false));
            }
            while (await _timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> PruneAsync(string table, Func<CancellationToken, Task<int>> prune, CancellationToken cancellationToken)
    {
        try
        {
            return await prune(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPruneFailed(ex, table);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {DeliveryIds} delivery ids, {VoteDeliveries} vote delivery ids, {Answers} answers, {Polls} closed polls; closed {StrandedPolls} polls no job would close")]
    private partial void LogPruned(int deliveryIds, int voteDeliveries, int answers, int polls, int strandedPolls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {Table} failed; its old rows stay until the next pass")]
    private partial void LogPruneFailed(Exception exception, string table);
}
