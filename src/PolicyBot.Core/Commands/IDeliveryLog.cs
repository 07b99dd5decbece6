namespace PolicyBot.Core.Commands;

/// <summary>Remembers platform delivery ids so a retried event (Slack retry, gateway replay) is handled once.</summary>
public interface IDeliveryLog
{
    /// <summary>Records the id; false when it was already recorded (a duplicate delivery).</summary>
    Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// True when the id was recorded here, or stored with its effect by a command that
    /// <see cref="CommandDeclaration.DeduplicatesDeliveries"/> (a vote's ballot). Records nothing.
    /// </summary>
    Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken);
}
