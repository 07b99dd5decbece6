using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Stores where a poll card was posted (tracking key <c>poll:&lt;id&gt;</c>) so later votes can edit it; a card that could
/// not be posted withdraws its poll, so none is left that nobody can see.
/// </summary>
public sealed class PollCardMessageSink(PollService polls) : IPostedMessageSink
{
    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken) =>
        PollCard.TryParseTrackingKey(trackingKey, out var pollId)
            ? polls.RecordCardMessageAsync(pollId, message, cancellationToken)
            : Task.CompletedTask;

    public Task UndeliveredAsync(string trackingKey, CancellationToken cancellationToken) =>
        PollCard.TryParseTrackingKey(trackingKey, out var pollId)
            ? polls.WithdrawUnpostedAsync(pollId, cancellationToken)
            : Task.CompletedTask;
}
