using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>Durable polls and ballots. Correctness (one ballot per user, no vote after closing) lives in the store's constraints.</summary>
public interface IPollStore
{
    Task<Poll> CreateAsync(PollDraft draft, CancellationToken cancellationToken);

    Task<Poll?> GetAsync(long pollId, CancellationToken cancellationToken);

    /// <summary>Open polls of a channel, newest first.</summary>
    Task<IReadOnlyList<Poll>> ListOpenAsync(ConversationRef conversation, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the ballot (replacing the user's previous one) and returns once it is committed to disk.
    /// Refuses it when the poll is closed or past its closing time at <see cref="Ballot.CastAt"/>.
    /// </summary>
    Task<BallotOutcome> CastAsync(Ballot ballot, CancellationToken cancellationToken);

    Task<PollTally> TallyAsync(long pollId, int optionCount, CancellationToken cancellationToken);

    /// <summary>Every ballot with its voter; callers must never use this for anonymous polls.</summary>
    Task<IReadOnlyList<BallotRecord>> ListBallotsAsync(long pollId, CancellationToken cancellationToken);

    /// <summary>Closes an open poll; false when it was already closed (or does not exist).</summary>
    Task<bool> CloseAsync(long pollId, DateTimeOffset closedAt, CancellationToken cancellationToken);

    Task SetCardMessageAsync(long pollId, string messageId, CancellationToken cancellationToken);

    /// <summary>Deletes a poll whose card was never posted (with anything voted meanwhile); false when its card is out or it is gone.</summary>
    Task<bool> DeleteUnpostedAsync(long pollId, CancellationToken cancellationToken);

    /// <summary>Marks the final result as posted; false when it already was (so an auto-close posts once).</summary>
    Task<bool> MarkResultsPostedAsync(long pollId, CancellationToken cancellationToken);
}
