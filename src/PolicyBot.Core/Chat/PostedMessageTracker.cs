namespace PolicyBot.Core.Chat;

/// <summary>
/// Told by the inbound pipeline (<see cref="Inbound.InvocationPipeline"/>), and only there, where an answer landed (or
/// that it could not be posted); it forwards tracked replies to every sink.
/// </summary>
public sealed class PostedMessageTracker(IEnumerable<IPostedMessageSink> sinks)
{
    private readonly IPostedMessageSink[] _sinks = sinks.ToArray();

    public async Task NotifyAsync(Reply reply, MessageRef posted, CancellationToken cancellationToken)
    {
        if ((reply.TrackingKey ?? reply.FollowUpKey) is not { } key)
        {
            return;
        }

        foreach (var sink in _sinks)
        {
            await sink.RecordAsync(key, posted, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether an adapter should find out where <paramref name="reply"/> was posted (when that costs a request).</summary>
    public static bool WantsPostedMessage(Reply reply) => reply.TrackingKey is not null || reply.FollowUpKey is not null;

    /// <summary>The reply could not be posted: sinks undo what stands behind it (see <see cref="IPostedMessageSink.UndeliveredAsync"/>).</summary>
    public async Task NotifyUndeliveredAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (reply.TrackingKey is null)
        {
            return;
        }

        foreach (var sink in _sinks)
        {
            await sink.UndeliveredAsync(reply.TrackingKey, cancellationToken).ConfigureAwait(false);
        }
    }
}
