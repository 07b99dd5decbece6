using System.Collections.Immutable;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>
/// A poll as stored. The question and options never change after creation; only <see cref="ClosedAt"/>,
/// <see cref="CardMessageId"/> and <see cref="ResultsPosted"/> do.
/// </summary>
/// <param name="Options">Option labels; option number n (as shown on the card) is <c>Options[n - 1]</c>.</param>
/// <param name="MaxChoices">1 for a single-choice poll; more for <c>--multi</c>.</param>
/// <param name="CardMessageId">The posted card's message id in <see cref="Conversation"/>, once the adapter reported it.</param>
public sealed record Poll(
    long Id,
    string Question,
    ImmutableArray<string> Options,
    int MaxChoices,
    bool Anonymous,
    bool HiddenResults,
    string CreatorId,
    ConversationRef Conversation,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? ClosedAt,
    string? CardMessageId = null,
    bool ResultsPosted = false)
{
    public bool IsMultipleChoice => MaxChoices > 1;

    /// <summary>Closed explicitly, or past its closing time (the due job may not have run yet).</summary>
    public bool IsClosedAt(DateTimeOffset now) => ClosedAt is not null || (ClosesAt is { } closesAt && closesAt <= now);

    /// <summary>Hidden polls show counts only once closed.</summary>
    public bool ShowsCountsAt(DateTimeOffset now) => !HiddenResults || IsClosedAt(now);

    public MessageRef? CardMessage => CardMessageId is null ? null : new MessageRef(Conversation, CardMessageId);

    public bool MayBeClosedBy(Sender sender) => sender.IsAdmin || string.Equals(sender.UserId, CreatorId, StringComparison.Ordinal);
}

/// <summary>What <see cref="IPollStore.CreateAsync"/> needs; the store assigns the id.</summary>
public sealed record PollDraft(
    string Question,
    ImmutableArray<string> Options,
    int MaxChoices,
    bool Anonymous,
    bool HiddenResults,
    string CreatorId,
    ConversationRef Conversation,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosesAt);
