namespace PolicyBot.Core.Knowledge.Feedback;

/// <summary>
/// Answers given and the helpful / not helpful votes on them, so admins can see which questions went badly.
/// One vote per user per answer; voting again replaces the earlier vote.
/// </summary>
public interface IAnswerFeedbackStore
{
    Task RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken);

    /// <summary>False when no answer with that id is on record.</summary>
    Task<bool> RecordVoteAsync(string answerId, string userId, bool helpful, DateTimeOffset votedAt, CancellationToken cancellationToken);

    /// <summary>Answers with more "not helpful" than "helpful" votes, worst first, newest first among equals.</summary>
    Task<IReadOnlyList<RatedAnswer>> ListUnhelpfulAsync(int limit, CancellationToken cancellationToken);
}
