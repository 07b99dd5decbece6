using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Scheduling;

/// <summary>
/// Runs due jobs: sleeps on the <see cref="TimeProvider"/> until the next due time (at most
/// <see cref="SchedulingOptions.MaxPollInterval"/>, so jobs written by other instances are seen), claims due jobs under a
/// lease, runs the handler for each kind and completes the job only after the handler succeeded. A failing handler
/// releases its job with a backoff; a crash leaves the lease to expire. Either way the job runs again, never is lost.
/// </summary>
public sealed partial class DueJobDispatcher : BackgroundService
{
    // Guards against a hot loop when a store reports a due time it will not hand out (e.g. a job leased elsewhere).
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(20);

    private readonly IDueJobStore _store;
    private readonly Dictionary<string, IDueJobHandler> _handlers;
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DueJobDispatcher> _logger;

    public DueJobDispatcher(
        IDueJobStore store,
        IEnumerable<IDueJobHandler> handlers,
        IOptions<SchedulingOptions> options,
        TimeProvider clock,
        ILogger<DueJobDispatcher> logger)
    {
        _store = store;
        _handlers = new Dictionary<string, IDueJobHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException($"Two due-job handlers claim the kind '{handler.Kind}'.");
            }
        }

        _options = options.Value;
        _clock = clock;
        _logger = logger;
        InstanceId = string.IsNullOrWhiteSpace(_options.InstanceId) ? SchedulingOptions.DefaultInstanceId() : _options.InstanceId;
    }

    /// <summary>The lease owner name this dispatcher claims under.</summary>
    public string InstanceId { get; }

    /// <summary>
    /// Raised by the running service when it goes to sleep after a pass, once its wake-up is armed on the clock, with the
    /// clock reading that pass began at: every job due by then (and not leased elsewhere) has run. Moving the clock after
    /// it starts the next pass. Tests wait on it instead of sleeping.
    /// </summary>
    internal event Action<DateTimeOffset>? Idle;

    /// <summary>Claims and runs everything due now, batch after batch; returns how many jobs ran (successfully or not).</summary>
    public async Task<int> RunDueJobsOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var now = _clock.GetUtcNow();
            var jobs = await _store.ClaimDueAsync(now, _options.BatchSize, InstanceId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
            if (jobs.Count == 0)
            {
                return total;
            }

            await Parallel.ForEachAsync(
                jobs.OrderBy(j => j.DueAt),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
                async (job, ct) => await RunAsync(job, ct).ConfigureAwait(false)).ConfigureAwait(false);
            total += jobs.Count;
            if (jobs.Count < _options.BatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(InstanceId, _handlers.Count);
        var retriedAtOnce = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var passStartedAt = _clock.GetUtcNow();
            try
            {
                await RunDueJobsOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; keep polling, the jobs are safe in the store.
                LogPollFailed(ex);
            }

            try
            {
                var (sleep, wakeAt) = await NextWakeAsync(stoppingToken).ConfigureAwait(false);

                // A job that fell due while this pass ran is claimed at once, not after a sleep: on a clock that moves
                // only when told to (a fake clock, a paused machine) even the shortest sleep may never end. Once in a
                // row, so a job the store reports due but will not hand out (leased elsewhere) cannot spin the loop.
                if (sleep <= MinimumSleep && !retriedAtOnce)
                {
                    retriedAtOnce = true;
                    continue;
                }

                retriedAtOnce = false;
                await SleepUntilAsync(sleep, wakeAt, passStartedAt, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Until the next due job, at least a few milliseconds and at most the poll interval.</summary>
    public async Task<TimeSpan> SleepTimeAsync(CancellationToken cancellationToken) =>
        (await NextWakeAsync(cancellationToken).ConfigureAwait(false)).Sleep;

    // The sleep and the instant it ends, from one reading of the clock.
    private async Task<(TimeSpan Sleep, DateTimeOffset WakeAt)> NextWakeAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        try
        {
            next = await _store.NextDueAtAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPollFailed(ex);
            next = null;
        }

        var now = _clock.GetUtcNow();
        var wait = next is null ? _options.MaxPollInterval : next.Value - now;
        var sleep = wait < MinimumSleep ? MinimumSleep : wait > _options.MaxPollInterval ? _options.MaxPollInterval : wait;
        return (sleep, now + sleep);
    }

    // A timer counts from when it is made: had the clock jumped past the wake time since it was read, the timer would
    // wait a whole sleep too long, or forever on a clock that moves only when told to.
    private async Task SleepUntilAsync(TimeSpan sleep, DateTimeOffset wakeAt, DateTimeOffset passStartedAt, CancellationToken stoppingToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(sleep, _clock, timer.Token);
        if (_clock.GetUtcNow() >= wakeAt)
        {
            await timer.CancelAsync().ConfigureAwait(false);
            return;
        }

        Idle?.Invoke(passStartedAt);
        await delay.ConfigureAwait(false);
    }

    private async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            // Perhaps a newer instance knows this kind (rolling upgrade); keep the job and look again later.
            LogNoHandler(job.Kind, job.Key);
            await ReleaseAsync(job, _clock.GetUtcNow() + _options.MaxRetryBackoff).ConfigureAwait(false);
            return;
        }

        DueJobResult result;
        try
        {
            result = await handler.HandleAsync(job, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-job: hand it back now so another instance (or the next start) need not wait for the lease.
            await ReleaseAsync(job, _clock.GetUtcNow()).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            var backoff = _options.BackoffFor(job.Attempt);
            LogHandlerFailed(ex, job.Kind, job.Key, job.Attempt, backoff);
            await ReleaseAsync(job, _clock.GetUtcNow() + backoff).ConfigureAwait(false);
            return;
        }

        try
        {
            await _store.CompleteAsync(job, InstanceId, result, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The handler's work is done; the lease will expire and the job run once more (late, never lost).
            LogCompleteFailed(ex, job.Kind, job.Key);
        }
    }

    private async Task ReleaseAsync(DueJob job, DateTimeOffset retryAt)
    {
        try
        {
            await _store.ReleaseAsync(job, InstanceId, retryAt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Not fatal: the lease expiry frees the job as well.
            LogReleaseFailed(ex, job.Kind, job.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due-job dispatcher {InstanceId} started with {HandlerCount} handlers")]
    private partial void LogStarted(string instanceId, int handlerCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling due jobs failed; retrying shortly")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No handler for due job kind {Kind} (key {Key}); kept for later")]
    private partial void LogNoHandler(string kind, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due job {Kind}/{Key} failed on attempt {Attempt}; retrying in {Backoff}")]
    private partial void LogHandlerFailed(Exception exception, string kind, string key, int attempt, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due job {Kind}/{Key} ran but could not be completed; it will run again after its lease")]
    private partial void LogCompleteFailed(Exception exception, string kind, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release due job {Kind}/{Key}; its lease expiry frees it")]
    private partial void LogReleaseFailed(Exception exception, string kind, string key);
}
