using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord;

/// <summary>
/// Runs event handling off the gateway read loop, keeps track of it, logs failures (nothing is silently dropped), and
/// lets shutdown wait for in-flight replies before cancelling them.
/// </summary>
public sealed partial class DiscordWorkTracker(ILogger<DiscordWorkTracker> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public int InFlight => _running.Count;

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(() => work(_stopping.Token));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(
            t =>
            {
                _running.TryRemove(t, out _);
                if (t.IsFaulted && t.Exception is { } ex && !(_stopping.IsCancellationRequested && ex.InnerException is OperationCanceledException))
                {
                    LogWorkFailed(ex.InnerException ?? ex, what);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits up to <paramref name="grace"/> for in-flight work, then cancels what is left.</summary>
    public async Task DrainAsync(TimeSpan grace, TimeProvider timeProvider)
    {
        var pending = _running.Keys.ToArray();
        if (pending.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(pending), Task.Delay(grace, timeProvider)).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: handling {What} failed")]
    private partial void LogWorkFailed(Exception exception, string what);
}
