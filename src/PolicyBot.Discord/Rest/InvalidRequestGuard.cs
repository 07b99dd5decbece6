namespace PolicyBot.Discord.Rest;

/// <summary>
/// Keeps us far from Discord's invalid-request ban (10,000 answers of 401/403/429 per 10 minutes per IP) and stops
/// using the token after a 401, as Discord asks.
/// </summary>
public sealed class InvalidRequestGuard(TimeProvider timeProvider, int budget)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();

    public bool TokenRejected { get; private set; }

    public int RecentInvalidCount
    {
        get
        {
            lock (_gate)
            {
                Trim(timeProvider.GetUtcNow());
                return _recent.Count;
            }
        }
    }

    /// <summary>Throws when sending now would risk the ban or use a rejected token.</summary>
    public void EnsureMaySend()
    {
        if (TokenRejected)
        {
            throw new DiscordRestException(System.Net.HttpStatusCode.Unauthorized, 0,
                "Discord rejected the bot token earlier (401); no further requests are sent with it. Fix Discord:Token and restart.");
        }

        if (RecentInvalidCount >= budget)
        {
            throw new DiscordRestException(System.Net.HttpStatusCode.TooManyRequests, 0,
                $"Too many rejected Discord requests ({budget} in 10 minutes); holding back to avoid an IP ban.");
        }
    }

    /// <summary>Counts a response. A shared-scope 429 is not counted (Discord does not count it either).</summary>
    public void Record(int statusCode, string? rateLimitScope)
    {
        if (statusCode == 401)
        {
            TokenRejected = true;
        }

        if (statusCode is 401 or 403 || (statusCode == 429 && !string.Equals(rateLimitScope, "shared", StringComparison.OrdinalIgnoreCase)))
        {
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                Trim(now);
                _recent.Enqueue(now);
            }
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= Window)
        {
            _recent.Dequeue();
        }
    }
}
