namespace PolicyBot.Core.Chat;

/// <summary>Learns where a tracked reply was posted (see <see cref="Reply.TrackingKey"/>), e.g. to edit a poll card later.</summary>
public interface IPostedMessageSink
{
    Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken);

    /// <summary>
    /// A tracked reply could not be posted at all: whatever it stands for must not be left behind unseen (a poll nobody
    /// can see or vote on). The default does nothing.
    /// </summary>
    Task UndeliveredAsync(string trackingKey, CancellationToken cancellationToken) => Task.CompletedTask;
}
