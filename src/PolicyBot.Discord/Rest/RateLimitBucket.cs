using System.Globalization;
using System.Net.Http.Headers;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket (a route, or a shared bucket hash, per top-level resource). Requests through a bucket
/// run one at a time so its headers are always current; when it is empty the next request waits for its reset.
/// </summary>
public sealed class RateLimitBucket(TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int? _remaining;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    public int? Limit { get; private set; }

    public int? Remaining => _remaining;

    public DateTimeOffset ResetAt => _resetAt;

    /// <summary>When the bucket was last used, so idle buckets (one-off interaction tokens, old channels) can be dropped.</summary>
    public DateTimeOffset LastUsed { get; private set; } = timeProvider.GetUtcNow();

    /// <summary>No request holds or waits for this bucket.</summary>
    public bool IsIdle => _turn.CurrentCount == 1;

    /// <summary>Waits for this bucket's turn and, if it is empty, for its reset. Dispose the result after the response was read.</summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            LastUsed = now;
            if (_remaining is 0 && now < _resetAt)
            {
                await Task.Delay(_resetAt - now, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (timeProvider.GetUtcNow() >= _resetAt && Limit is not null)
            {
                _remaining = Limit;
            }

            if (_remaining > 0)
            {
                _remaining--;
            }

            return new Turn(_turn);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>Reads <c>X-RateLimit-Limit/Remaining/Reset-After</c>; Reset-After avoids trusting our clock against Discord's.</summary>
    public void Update(HttpResponseHeaders headers)
    {
        if (TryGetInt(headers, "X-RateLimit-Limit", out var limit))
        {
            Limit = limit;
        }

        if (TryGetInt(headers, "X-RateLimit-Remaining", out var remaining))
        {
            _remaining = remaining;
        }

        if (TryGetDouble(headers, "X-RateLimit-Reset-After", out var resetAfter))
        {
            _resetAt = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(resetAfter);
        }
    }

    /// <summary>A 429 on this bucket: empty until <paramref name="retryAfter"/> passes.</summary>
    public void Exhaust(TimeSpan retryAfter)
    {
        _remaining = 0;
        var until = timeProvider.GetUtcNow() + retryAfter;
        if (until > _resetAt)
        {
            _resetAt = until;
        }
    }

    internal static bool TryGetInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    internal static bool TryGetDouble(HttpResponseHeaders headers, string name, out double value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values) && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
