namespace PolicyBot.Core.Chat;

/// <summary>
/// Coalesces edits of one message (a poll card): the first goes out at once, later ones wait until the interval has
/// passed since the last edit ended, and only the newest content is sent. A burst of 1,000 votes thus costs two edits of
/// the card, not 1,000, on every platform. Every caller's task completes when an edit carrying its content (or newer)
/// has been sent, and fails with it.
/// </summary>
public sealed class MessageEditCoalescer(TimeProvider clock, TimeSpan interval) : IDisposable
{
    private const int RequestsBetweenPrunes = 1024;

    private readonly Dictionary<string, MessageState> _messages = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _sending = [];
    private readonly Lock _gate = new();
    private int _requestsSincePrune;
    private bool _disposed;

    public Task EditAsync<T>(string messageKey, T content, Func<T, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Task>? sendNow = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            PruneIdleLocked();
            if (!_messages.TryGetValue(messageKey, out var state))
            {
                state = new MessageState();
                _messages[messageKey] = state;
            }

            state.Pending = () => send(content, CancellationToken.None);
            state.Waiters.Add(waiter);
            if (!state.Sending && state.Timer is null)
            {
                var wait = state.LastSentAt + interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    state.Timer = clock.CreateTimer(_ => OnTimer(state), null, wait, Timeout.InfiniteTimeSpan);
                }
                else
                {
                    sendNow = StartSendLocked(state);
                }
            }
        }

        // Never under the lock: the send may take a while, and other messages' edits must not wait for it.
        sendNow?.Invoke();
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when no edit is being sent (edits waiting for their interval are not waited for).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] sending;
            lock (_gate)
            {
                _sending.RemoveWhere(t => t.IsCompleted);
                sending = [.. _sending];
            }

            if (sending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(sending).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var state in _messages.Values)
            {
                state.Timer?.Dispose();
                state.Waiters.ForEach(w => w.TrySetCanceled());
            }

            _messages.Clear();
        }
    }

    /// <summary>Takes the newest content and its waiters; the returned action sends it (call it outside the lock).</summary>
    private Func<Task> StartSendLocked(MessageState state)
    {
        state.Sending = true;
        var send = state.Pending!;
        var waiters = state.Waiters;
        state.Pending = null;
        state.Waiters = [];
        return () =>
        {
            var sending = SendAsync(state, send, waiters);
            lock (_gate)
            {
                if (!sending.IsCompleted)
                {
                    _sending.Add(sending);
                }
            }

            return sending;
        };
    }

    private async Task SendAsync(MessageState state, Func<Task> send, List<TaskCompletionSource> waiters)
    {
        try
        {
            await send().ConfigureAwait(false);
            waiters.ForEach(w => w.TrySetResult());
        }
        catch (Exception ex)
        {
            waiters.ForEach(w => w.TrySetException(ex));
        }

        lock (_gate)
        {
            _sending.RemoveWhere(t => t.IsCompleted);

            // Counted from the end of the send, so consecutive edits reach the platform at least the interval apart.
            state.LastSentAt = clock.GetUtcNow();
            state.Sending = false;
            if (state.Pending is not null && !_disposed)
            {
                state.Timer = clock.CreateTimer(_ => OnTimer(state), null, interval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTimer(MessageState state)
    {
        Func<Task> sendNow;
        lock (_gate)
        {
            if (_disposed || state.Pending is null)
            {
                return;
            }

            state.Timer?.Dispose();
            state.Timer = null;
            sendNow = StartSendLocked(state);
        }

        sendNow();
    }

    /// <summary>Forgets messages that are idle and past their interval, so the map does not grow with every card ever edited.</summary>
    private void PruneIdleLocked()
    {
        if (++_requestsSincePrune < RequestsBetweenPrunes)
        {
            return;
        }

        _requestsSincePrune = 0;
        var cutoff = clock.GetUtcNow() - interval;
        foreach (var (key, _) in _messages.Where(m => !m.Value.Sending && m.Value.Timer is null && m.Value.LastSentAt < cutoff).ToArray())
        {
            _messages.Remove(key);
        }
    }

    private sealed class MessageState
    {
        public DateTimeOffset LastSentAt { get; set; } = DateTimeOffset.MinValue;

        public Func<Task>? Pending { get; set; }

        public List<TaskCompletionSource> Waiters { get; set; } = [];

        public bool Sending { get; set; }

        public ITimer? Timer { get; set; }
    }
}
