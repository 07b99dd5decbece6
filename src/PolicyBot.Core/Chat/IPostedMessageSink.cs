namespace PolicyBot.Core.Chat;

/// <summary>Learns where a tracked reply was posted (see <see cref="Reply.TrackingKey"/>), e.g. to edit a poll card later.</summary>
public interface IPostedMessageSink
{
    Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken);
}
