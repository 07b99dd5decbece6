using System.Collections.Concurrent;
using PolicyBot.Core.Commands;

namespace PolicyBot.Discord.Tests.Fakes;

public sealed class InMemoryDeliveryLog : IDeliveryLog
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult(_seen.TryAdd(deliveryId, 0));

    public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult(_seen.ContainsKey(deliveryId));
}
