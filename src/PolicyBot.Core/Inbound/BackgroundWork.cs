using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Core.Inbound;

/// <summary>
/// Work that outlives what started it: an answer after the platform was acknowledged, a registration at start-up. It
/// runs off the caller's thread (a gateway read loop, an HTTP request), every failure is logged rather than lost, and at
/// shutdown the host waits for it (up to its shutdown timeout) before the rest is cancelled.
/// </summary>
public sealed partial class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    /// <summary>Cancelled when shutdown stops waiting for work in flight.</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool, for a caller that must not wait at all (a gateway read loop).
    /// The returned task never faults: failures are logged.
    /// </summary>
    public Task Start(string what, Func<CancellationToken, Task> work) =>
        Track(Task.Run(() => ObserveAsync(what, work), CancellationToken.None));

    /// <summary>
    /// Runs <paramref name="work"/> on the caller's thread until it first waits, then in the background (an HTTP request
    /// that waits for its acknowledgement anyway: no hop through the thread pool's queue). Never faults, like <see cref="Start"/>.
    /// </summary>
    public Task StartHere(string what, Func<CancellationToken, Task> work) => Track(ObserveAsync(what, work));

    private Task Track(Task task)
    {
        if (task.IsCompleted)
        {
            return task;
        }

        _running.TryAdd(task, 0);
        task.ContinueWith(static (t, running) => ((ConcurrentDictionary<Task, byte>)running!).TryRemove(t, out _),
            _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for work in flight until <paramref name="cancellationToken"/> (the host's shutdown timeout), then cancels the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelledAtShutdown(_running.Count);
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Cancels what is still running. Idempotent: the container may dispose it as itself and as a hosted service.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task ObserveAsync(string what, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(ex, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work failed: {What}")]
    private partial void LogFailed(Exception exception, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown: {Count} background tasks still running were cancelled")]
    private partial void LogCancelledAtShutdown(int count);
}
