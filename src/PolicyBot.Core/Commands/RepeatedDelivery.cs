using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>
/// What a handler that deduplicates its own deliveries (<see cref="CommandDeclaration.DeduplicatesDeliveries"/>) returns
/// for a delivery it has seen before. The router reports it as <see cref="CommandOutcome.Duplicate"/>: as for every other
/// repeat, nothing changes and nothing is sent.
/// </summary>
public static class RepeatedDelivery
{
    public static Reply Reply { get; } = new(string.Empty);

    public static bool Is(Reply reply) => ReferenceEquals(reply, Reply);
}
