using System.Collections.Concurrent;

namespace PolicyBot.Slack.WebApi;

/// <summary>
/// Slack rate-limits per method: after a 429 with <c>Retry-After</c>, calls of that method wait until then,
/// while other methods carry on.
/// </summary>
public sealed class MethodRateLimits(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    public void Block(string method, TimeSpan retryAfter)
    {
        var until = clock.GetUtcNow() + retryAfter;
        _blockedUntil.AddOrUpdate(method, until, (_, current) => current > until ? current : until);
    }

    public TimeSpan RemainingBlock(string method) =>
        _blockedUntil.TryGetValue(method, out var until) && until > clock.GetUtcNow() ? until - clock.GetUtcNow() : TimeSpan.Zero;

    public async ValueTask WaitAsync(string method, CancellationToken cancellationToken)
    {
        for (var wait = RemainingBlock(method); wait > TimeSpan.Zero; wait = RemainingBlock(method))
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
