using System.Collections.Immutable;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>A test double with the store's contract (the real ones are tested in PolicyBot.Storage.Tests).</summary>
internal sealed class InMemoryPollStore : IPollStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Poll> _polls = [];
    private readonly Dictionary<(long Poll, string User), BallotRecord> _ballots = [];
    private readonly HashSet<string> _deliveries = [];
    private long _nextId = 1;

    public int Casts { get; private set; }

    /// <summary>
    /// Awaited before a ballot is applied: a test holds a vote there, queued in the vote writer and not yet committed.
    /// </summary>
    public Func<Task>? BeforeCommit { get; set; }

    public Task<Poll> CreateAsync(PollDraft draft, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var poll = new Poll(_nextId++, draft.Question, draft.Options, draft.MaxChoices, draft.Anonymous, draft.HiddenResults,
                draft.CreatorId, draft.Conversation, draft.CreatedAt, draft.ClosesAt, null);
            _polls[poll.Id] = poll;
            return Task.FromResult(poll);
        }
    }

    public Task<Poll?> GetAsync(long pollId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_polls.GetValueOrDefault(pollId));
        }
    }

    public Task<IReadOnlyList<Poll>> ListOpenAsync(ConversationRef conversation, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Poll>>(_polls.Values
                .Where(p => p.ClosedAt is null && p.Conversation.Platform == conversation.Platform && p.Conversation.ChannelId == conversation.ChannelId)
                .OrderByDescending(p => p.Id).Take(max).ToArray());
        }
    }

    public async Task<BallotOutcome> CastAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        if (BeforeCommit is { } hold)
        {
            await hold().WaitAsync(cancellationToken);
        }

        return Apply(ballot);
    }

    private BallotOutcome Apply(Ballot ballot)
    {
        lock (_gate)
        {
            Casts++;
            if (!_polls.TryGetValue(ballot.PollId, out var poll))
            {
                return BallotOutcome.PollNotFound;
            }

            if (poll.IsClosedAt(ballot.CastAt))
            {
                return BallotOutcome.PollClosed;
            }

            if (!ballot.IsWithdrawal && (ballot.Options.Length > poll.MaxChoices || ballot.Options.Any(o => o < 1 || o > poll.Options.Length)))
            {
                return BallotOutcome.InvalidOptions;
            }

            if (!_deliveries.Add(ballot.DeliveryId))
            {
                return BallotOutcome.Duplicate;
            }

            if (ballot.IsWithdrawal)
            {
                return _ballots.Remove((ballot.PollId, ballot.UserId)) ? BallotOutcome.Withdrawn : BallotOutcome.NothingToWithdraw;
            }

            _ballots[(ballot.PollId, ballot.UserId)] = new BallotRecord(ballot.UserId, ballot.Options, ballot.CastAt);
            return BallotOutcome.Recorded;
        }
    }

    public Task<PollTally> TallyAsync(long pollId, int optionCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ballots = _ballots.Where(b => b.Key.Poll == pollId).Select(b => b.Value).ToArray();
            var counts = Enumerable.Range(1, optionCount).Select(n => ballots.Count(b => b.Options.Contains(n))).ToImmutableArray();
            return Task.FromResult(new PollTally(counts, ballots.Length));
        }
    }

    public Task<IReadOnlyList<BallotRecord>> ListBallotsAsync(long pollId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<BallotRecord>>(_ballots.Where(b => b.Key.Poll == pollId).Select(b => b.Value).ToArray());
        }
    }

    public Task<bool> CloseAsync(long pollId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_polls.TryGetValue(pollId, out var poll) || poll.ClosedAt is not null)
            {
                return Task.FromResult(false);
            }

            _polls[pollId] = poll with { ClosedAt = closedAt };
            return Task.FromResult(true);
        }
    }

    public Task SetCardMessageAsync(long pollId, string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _polls[pollId] = _polls[pollId] with { CardMessageId = messageId };
            return Task.CompletedTask;
        }
    }

    public Task<bool> DeleteUnpostedAsync(long pollId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_polls.TryGetValue(pollId, out var poll) || poll.CardMessageId is not null)
            {
                return Task.FromResult(false);
            }

            _polls.Remove(pollId);
            foreach (var key in _ballots.Keys.Where(k => k.Poll == pollId).ToArray())
            {
                _ballots.Remove(key);
            }

            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkResultsPostedAsync(long pollId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var poll = _polls[pollId];
            _polls[pollId] = poll with { ResultsPosted = true };
            return Task.FromResult(!poll.ResultsPosted);
        }
    }

    /// <summary>Whether a ballot with this delivery id was applied (what the SQL delivery log reads in poll_vote_deliveries).</summary>
    public bool HasDelivery(string deliveryId)
    {
        lock (_gate)
        {
            return _deliveries.Contains(deliveryId);
        }
    }

    /// <summary>Deletes a poll and its ballots, as retention does with long-closed polls.</summary>
    public void Prune(long pollId)
    {
        lock (_gate)
        {
            _polls.Remove(pollId);
            foreach (var key in _ballots.Keys.Where(k => k.Poll == pollId).ToArray())
            {
                _ballots.Remove(key);
            }
        }
    }

    /// <summary>Undoes <see cref="MarkResultsPostedAsync"/>, as a process that died before that write would leave it.</summary>
    public Task ForgetResultsPostedAsync(long pollId)
    {
        lock (_gate)
        {
            _polls[pollId] = _polls[pollId] with { ResultsPosted = false };
            return Task.CompletedTask;
        }
    }
}
