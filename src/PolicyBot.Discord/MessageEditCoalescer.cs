namespace PolicyBot.Discord;

/// <summary>
/// Coalesces edits of one message: the first goes out at once, later ones wait until the minimum interval has passed
/// and only the newest content is sent. A burst of 1,000 votes thus costs two edits of the poll card, not 1,000.
/// Every caller's task completes when an edit carrying its content (or newer) has been sent.
/// </summary>
public sealed class MessageEditCoalescer(TimeProvider timeProvider, TimeSpan minInterval)
{
    private readonly Dictionary<string, MessageState> _messages = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task EditAsync<T>(string messageKey, T content, Func<T, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startFlusher = false;
        MessageState state;
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageKey, out state!))
            {
                state = new MessageState();
                _messages[messageKey] = state;
            }

            state.Pending = () => send(content, CancellationToken.None);
            state.Waiters.Add(waiter);
            if (!state.Flushing)
            {
                state.Flushing = true;
                startFlusher = true;
            }
        }

        if (startFlusher)
        {
            _ = FlushAsync(messageKey, state);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>How many messages have an edit queued or recently sent (for tests and metrics).</summary>
    public int TrackedMessages
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    private async Task FlushAsync(string messageKey, MessageState state)
    {
        while (true)
        {
            var wait = state.LastSentAt + minInterval - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider).ConfigureAwait(false);
            }

            Func<Task> send;
            List<TaskCompletionSource> waiters;
            lock (_gate)
            {
                send = state.Pending!;
                waiters = state.Waiters;
                state.Pending = null;
                state.Waiters = [];
            }

            try
            {
                await send().ConfigureAwait(false);
                waiters.ForEach(w => w.TrySetResult());
            }
            catch (Exception ex)
            {
                waiters.ForEach(w => w.TrySetException(ex));
            }

            // Counted from the end of the send, so consecutive edits reach Discord at least the interval apart.
            state.LastSentAt = timeProvider.GetUtcNow();

            lock (_gate)
            {
                if (state.Pending is null)
                {
                    state.Flushing = false;
                    _ = ForgetLaterAsync(messageKey, state);
                    return;
                }
            }
        }
    }

    /// <summary>Drops an idle message's state once its interval has passed, so the map does not grow forever.</summary>
    private async Task ForgetLaterAsync(string messageKey, MessageState state)
    {
        await Task.Delay(minInterval, timeProvider).ConfigureAwait(false);
        lock (_gate)
        {
            if (!state.Flushing && state.Pending is null && _messages.TryGetValue(messageKey, out var current) && current == state)
            {
                _messages.Remove(messageKey);
            }
        }
    }

    private sealed class MessageState
    {
        public DateTimeOffset LastSentAt { get; set; } = DateTimeOffset.MinValue;

        public Func<Task>? Pending { get; set; }

        public List<TaskCompletionSource> Waiters { get; set; } = [];

        public bool Flushing { get; set; }
    }
}
