using System.Collections.Concurrent;
using System.Threading.Channels;
using PolicyBot.Core.Commands;

namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>The delivery log's contract in memory (the SQL one is covered by the storage contract tests).</summary>
public sealed class InMemoryDeliveryLog : IDeliveryLog
{
    private readonly ConcurrentDictionary<string, byte> _seen = new();
    private readonly Channel<(string Id, bool Fresh)> _records = Channel.CreateUnbounded<(string, bool)>();

    public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var fresh = _seen.TryAdd(deliveryId, 0);
        _records.Writer.TryWrite((deliveryId, fresh));
        return Task.FromResult(fresh);
    }

    public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult(_seen.ContainsKey(deliveryId));

    public ChannelReader<(string Id, bool Fresh)> Records => _records.Reader;
}
