namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway payloads per connection per 60 s and disconnects (4008) above that. Ordinary sends stop
/// at <see cref="OrdinaryLimit"/> so heartbeats always have room.
/// </summary>
public sealed class GatewaySendLimiter(TimeProvider timeProvider)
{
    public const int HardLimit = 120;
    public const int OrdinaryLimit = 115;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    /// <summary>Waits until one more payload may go out, then counts it.</summary>
    public async ValueTask WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        var limit = isHeartbeat ? HardLimit : OrdinaryLimit;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                // The oldest payloads leave the window first; wait until enough have left to get under our limit.
                wait = _sent.ElementAt(_sent.Count - limit) + Window - now;
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public int SentInWindow
    {
        get
        {
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                return _sent.Count(t => now - t < Window);
            }
        }
    }
}
