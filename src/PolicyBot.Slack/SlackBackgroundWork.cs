using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Slack;

/// <summary>
/// Work that outlives the request that started it (follow-ups after an early acknowledgement). It is not tied to the
/// request's abort token, is cancelled when the host stops, and every failure is logged rather than lost.
/// </summary>
public sealed partial class SlackBackgroundWork(ILogger<SlackBackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public CancellationToken StoppingToken => _stopping.Token;

    /// <summary>Starts <paramref name="work"/> on the thread pool, so the caller can acknowledge at once.</summary>
    public void Start(string what, Func<CancellationToken, Task> work) =>
        Track(Task.Run(() => ObserveAsync(what, work), CancellationToken.None));

    /// <summary>Keeps the host from stopping before <paramref name="task"/> ends.</summary>
    private void Track(Task task)
    {
        if (task.IsCompleted)
        {
            return;
        }

        _running.TryAdd(task, 0);
        task.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _),
            _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets in-flight follow-ups finish while the host's shutdown allows, then cancels the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested || _running.IsEmpty)
        {
            // Shutdown deadline reached (or the tasks failed, which ObserveAsync already logged).
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack background work failed: {What}")]
    private partial void LogFailed(Exception exception, string what);
}
