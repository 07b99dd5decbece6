using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>Stores where a poll card was posted (tracking key <c>poll:&lt;id&gt;</c>) so later votes can edit it.</summary>
public sealed class PollCardMessageSink(PollService polls) : IPostedMessageSink
{
    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken) =>
        PollCard.TryParseTrackingKey(trackingKey, out var pollId)
            ? polls.RecordCardMessageAsync(pollId, message, cancellationToken)
            : Task.CompletedTask;
}
