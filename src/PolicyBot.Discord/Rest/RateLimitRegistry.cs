using System.Collections.Concurrent;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// Finds the bucket for a route: routes that Discord reports with the same <c>X-RateLimit-Bucket</c> hash share one,
/// split by top-level resource (the hash does not include it).
/// </summary>
public sealed class RateLimitRegistry(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private int _lookups;

    /// <summary>Buckets idle this long are forgotten; every interaction token and channel would otherwise stay forever.</summary>
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(15);

    private const int SweepEvery = 1024;

    public RateLimitBucket GetBucket(DiscordRoute route)
    {
        if (Interlocked.Increment(ref _lookups) % SweepEvery == 0)
        {
            Sweep();
        }

        return _buckets.GetOrAdd(BucketKey(route), static (_, time) => new RateLimitBucket(time), timeProvider);
    }

    /// <summary>Drops idle buckets whose window has long passed (their state no longer limits anything).</summary>
    public void Sweep()
    {
        var cutoff = timeProvider.GetUtcNow() - IdleExpiry;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle && bucket.LastUsed < cutoff && bucket.ResetAt < cutoff)
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }

    /// <summary>Learns the route's bucket hash; later requests on any route with this hash share one bucket per resource.</summary>
    public RateLimitBucket Learn(DiscordRoute route, string? bucketHash, RateLimitBucket current)
    {
        if (string.IsNullOrEmpty(bucketHash) || (_hashByRoute.TryGetValue(route.RouteKey, out var known) && known == bucketHash))
        {
            return current;
        }

        _hashByRoute[route.RouteKey] = bucketHash;
        // Keep the bucket we already have so its state survives; other routes with this hash will find it.
        return _buckets.GetOrAdd($"{bucketHash}:{route.MajorParameter}", current);
    }

    private string BucketKey(DiscordRoute route) =>
        _hashByRoute.TryGetValue(route.RouteKey, out var hash)
            ? $"{hash}:{route.MajorParameter}"
            : $"{route.RouteKey}:{route.MajorParameter}";

    internal int BucketCount => _buckets.Count;
}
