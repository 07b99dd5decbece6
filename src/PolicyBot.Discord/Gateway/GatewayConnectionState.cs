using System.Collections.Concurrent;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Which of this instance's shards hold a live session right now (READY or RESUMED received, connection not ended).
/// Readiness reads it: an instance whose shards are down must not count as ready behind a load balancer.
/// </summary>
public sealed class GatewayConnectionState
{
    private readonly ConcurrentDictionary<int, bool> _shards = new();

    /// <summary>The close code that stopped the adapter for good, if it stopped.</summary>
    public int? FatalCloseCode { get; private set; }

    /// <summary>The shards this instance runs; empty until gateway discovery has finished.</summary>
    public IReadOnlyList<int> ExpectedShards => _shards.Keys.Order().ToArray();

    public IReadOnlyList<int> LiveShards => _shards.Where(s => s.Value).Select(s => s.Key).Order().ToArray();

    /// <summary>True once every configured shard has a live session.</summary>
    public bool AllShardsLive => !_shards.IsEmpty && _shards.Values.All(live => live);

    public void Expect(IEnumerable<int> shardIds)
    {
        foreach (var shardId in shardIds)
        {
            _shards.TryAdd(shardId, false);
        }
    }

    public void MarkLive(int shardId) => _shards[shardId] = true;

    public void MarkDown(int shardId) => _shards[shardId] = false;

    public void MarkStopped(int closeCode) => FatalCloseCode ??= closeCode;
}
