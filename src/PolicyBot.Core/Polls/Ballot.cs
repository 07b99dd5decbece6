using System.Collections.Immutable;

namespace PolicyBot.Core.Polls;

/// <summary>
/// One user's complete choice on one poll. It replaces the user's previous ballot; an empty
/// <see cref="Options"/> withdraws it (<c>unvote</c>). <see cref="DeliveryId"/> makes a repeated delivery count once.
/// </summary>
/// <param name="Options">Distinct option numbers (1-based), ascending.</param>
public sealed record Ballot(long PollId, string UserId, ImmutableArray<int> Options, string DeliveryId, DateTimeOffset CastAt)
{
    public bool IsWithdrawal => Options.IsDefaultOrEmpty;
}

/// <summary>What happened to a ballot; every outcome but the refusals is durable when reported.</summary>
public enum BallotOutcome
{
    Recorded,
    Withdrawn,

    /// <summary>An unvote from someone who had no ballot.</summary>
    NothingToWithdraw,

    /// <summary>This delivery id was applied before; nothing changed.</summary>
    Duplicate,
    PollClosed,
    PollNotFound,

    /// <summary>An option number the poll does not have, or more options than it allows.</summary>
    InvalidOptions,
}

/// <summary>A stored ballot, for exports of polls that are not anonymous.</summary>
public sealed record BallotRecord(string UserId, ImmutableArray<int> Options, DateTimeOffset CastAt);
