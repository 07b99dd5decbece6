namespace PolicyBot.Discord.Rest;

/// <summary>
/// Discord's global limit (50 requests per second per bot), kept as a one-second window, plus the pause a global
/// 429 imposes on every route.
/// </summary>
public sealed class GlobalRateLimiter(TimeProvider timeProvider, int requestsPerSecond = 50)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _usedInWindow;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                if (now < _pausedUntil)
                {
                    wait = _pausedUntil - now;
                }
                else
                {
                    if (now - _windowStart >= Window)
                    {
                        _windowStart = now;
                        _usedInWindow = 0;
                    }

                    if (_usedInWindow < requestsPerSecond)
                    {
                        _usedInWindow++;
                        return;
                    }

                    wait = _windowStart + Window - now;
                }
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A 429 with <c>global: true</c>: nobody sends until it passes.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = timeProvider.GetUtcNow() + retryAfter;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
