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

    public RateLimitBucket GetBucket(DiscordRoute route) =>
        _buckets.GetOrAdd(BucketKey(route), static (_, time) => new RateLimitBucket(time), timeProvider);

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
