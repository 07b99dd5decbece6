using System.Collections.Concurrent;

namespace PolicyBot.Core.Commands;

/// <summary>
/// The delivery ids this process is handling right now, for commands that deduplicate with their own effect (a vote):
/// their id reaches storage only when the effect commits, so a redelivered twin arriving before that is recognised here.
/// An id leaves when its handling ends, so the set holds only work in flight.
/// </summary>
internal sealed class DeliveriesInHand
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    /// <summary>False when the id is already in hand: the caller holds a twin of a delivery still being handled.</summary>
    public bool TryTake(string deliveryId) => _ids.TryAdd(deliveryId, 0);

    public void Release(string deliveryId) => _ids.TryRemove(deliveryId, out _);
}
