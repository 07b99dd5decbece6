using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Creates, votes on, closes and tallies polls. The store keeps the rules (one ballot per user, nothing after closing);
/// this service adds the checks that give friendly messages first, schedules auto-close and keeps cards fresh.
/// </summary>
public sealed partial class PollService(
    IPollStore store,
    IDueJobStore dueJobs,
    PollCardUpdater cards,
    TimeProvider clock,
    IOptions<PollOptions> options,
    ILogger<PollService> logger,
    BotMetrics? metrics = null,
    CommandSyntax? syntax = null)
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    public const string CloseJobKind = "poll.close";

    // Question and options never change, so a vote needs no read; closed state is re-checked by the store on every write.
    // Only votes read from here (PollRead.ForVote): another instance may close a poll early, so a cached copy can show
    // a closed poll as open. Only polls before their closing time are kept (see IsCacheable).
    private readonly ConcurrentDictionary<long, Poll> _polls = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>How members type commands where this conversation is (for hints in replies).</summary>
    public CommandSyntax Syntax => _syntax;

    /// <summary>
    /// Stores the poll and schedules its close: without <c>--closes</c>, <see cref="PollOptions.DefaultOpenFor"/> from now.
    /// When scheduling fails the poll is deleted again and the error rethrown.
    /// </summary>
    public async Task<Poll> CreateAsync(PollRequest request, Sender creator, ConversationRef conversation, CancellationToken cancellationToken)
    {
        // Every poll closes, so retention (which deletes only closed polls) can reach it.
        var now = clock.GetUtcNow();
        var closesAt = request.ClosesAt ?? now + options.Value.DefaultOpenFor;
        var draft = new PollDraft(request.Question, request.Options, request.MaxChoices, request.Anonymous, request.Hidden,
            creator.UserId, conversation, now, closesAt);
        var poll = await store.CreateAsync(draft, cancellationToken).ConfigureAwait(false);
        try
        {
            await dueJobs.ScheduleAsync(CloseJobKind, JobKey(poll.Id), CloseJobPayload.Serialize(poll.Id), closesAt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Without its close job the poll would stay open until retention's backstop; remove it (its card is not out
            // yet) so the member sees the failure, not a poll that never posts its results.
            await store.DeleteUnpostedAsync(poll.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        _polls[poll.Id] = poll;
        LogCreated(poll.Id, conversation.ToString(), poll.Options.Length, closesAt);
        return poll;
    }

    /// <summary>The poll as stored now (<see cref="PollRead.Current"/>); also refreshes the copy votes read.</summary>
    public async Task<Poll?> GetAsync(long pollId, CancellationToken cancellationToken)
    {
        var poll = await store.GetAsync(pollId, cancellationToken).ConfigureAwait(false);
        if (poll is not null && IsCacheable(poll))
        {
            _polls[pollId] = poll;
        }
        else
        {
            _polls.TryRemove(pollId, out _);
        }

        return poll;
    }

    /// <summary>The poll from <paramref name="read"/>: the store, or for a vote the cached copy when there is one.</summary>
    public async Task<Poll?> GetAsync(long pollId, PollRead read, CancellationToken cancellationToken) =>
        read == PollRead.ForVote && _polls.TryGetValue(pollId, out var cached) && IsCacheable(cached)
            ? cached
            : await GetAsync(pollId, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the poll named by <paramref name="idText"/> (<c>12</c> or <c>#12</c>) if it belongs to this channel.</summary>
    public async Task<Parsed<Poll>> FindAsync(string idText, ConversationRef conversation, PollRead read, CancellationToken cancellationToken)
    {
        var trimmed = idText.Trim().TrimStart('#');
        if (trimmed.Length == 0)
        {
            return Parsed<Poll>.Fail("Which poll? Give its number, as shown on the card (e.g. `#12`).");
        }

        if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var pollId))
        {
            return Parsed<Poll>.Fail($"`{MentionGuard.Defuse(trimmed.Length > 20 ? trimmed[..20] : trimmed)}` is not a poll number; polls are numbered like `#12`.");
        }

        return await FindAsync(pollId, conversation, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The poll with this number if it belongs to this channel (a number a platform sent typed).</summary>
    public async Task<Parsed<Poll>> FindAsync(long pollId, ConversationRef conversation, PollRead read, CancellationToken cancellationToken)
    {
        var poll = pollId > 0 ? await GetAsync(pollId, read, cancellationToken).ConfigureAwait(false) : null;
        return poll is not null && poll.Conversation.Platform == conversation.Platform && poll.Conversation.ChannelId == conversation.ChannelId
            ? Parsed<Poll>.Ok(poll)
            : Parsed<Poll>.Fail($"There is no poll #{pollId} in this channel. `{_syntax.Of(conversation.Platform, "polls")}` lists the open ones.");
    }

    /// <summary>Casts (or, with no options, withdraws) a ballot; returns once it is durable.</summary>
    public async Task<BallotOutcome> VoteAsync(Poll poll, Sender voter, ImmutableArray<int> options, string deliveryId, MessageRef? card, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (poll.IsClosedAt(now))
        {
            return BallotOutcome.PollClosed;
        }

        var outcome = await store.CastAsync(new Ballot(poll.Id, voter.UserId, options, deliveryId, now), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case BallotOutcome.Recorded:
                // Counted only after the store reports the ballot durable; duplicates and withdrawals are not ballots.
                metrics?.VoteRecorded();
                cards.RequestUpdate(poll.Id, card);
                break;
            case BallotOutcome.Withdrawn:
                cards.RequestUpdate(poll.Id, card);
                break;
            case BallotOutcome.PollClosed:
                // Closed elsewhere (another instance, or the auto-close): forget the stale copy.
                _polls.TryRemove(poll.Id, out _);
                break;
        }

        return outcome;
    }

    public Task<PollTally> TallyAsync(Poll poll, CancellationToken cancellationToken) =>
        store.TallyAsync(poll.Id, poll.Options.Length, cancellationToken);

    public Task<IReadOnlyList<BallotRecord>> ListBallotsAsync(Poll poll, CancellationToken cancellationToken) =>
        poll.Anonymous
            ? throw new InvalidOperationException($"Poll {poll.Id} is anonymous; its ballots are never listed.")
            : store.ListBallotsAsync(poll.Id, cancellationToken);

    public Task<IReadOnlyList<Poll>> ListOpenAsync(ConversationRef conversation, int max, CancellationToken cancellationToken) =>
        store.ListOpenAsync(conversation, max, cancellationToken);

    /// <summary>Closes the poll (false when it already was) and redraws its card without buttons.</summary>
    /// <param name="cancelAutoClose">False when the auto-close job itself is closing it (the dispatcher completes that job).</param>
    public async Task<bool> CloseAsync(Poll poll, DateTimeOffset closedAt, bool cancelAutoClose, CancellationToken cancellationToken)
    {
        var closed = await store.CloseAsync(poll.Id, closedAt, cancellationToken).ConfigureAwait(false);
        _polls.TryRemove(poll.Id, out _);
        if (closed && cancelAutoClose && poll.ClosesAt is not null)
        {
            await dueJobs.CancelAsync(CloseJobKind, JobKey(poll.Id), cancellationToken).ConfigureAwait(false);
        }

        if (closed)
        {
            LogClosed(poll.Id, closedAt);
            cards.RequestUpdate(poll.Id);
        }

        return closed;
    }

    /// <summary>Removes a poll whose card could not be posted, and its auto-close; a poll whose card is out stays.</summary>
    public async Task WithdrawUnpostedAsync(long pollId, CancellationToken cancellationToken)
    {
        _polls.TryRemove(pollId, out _);
        if (await store.DeleteUnpostedAsync(pollId, cancellationToken).ConfigureAwait(false))
        {
            await dueJobs.CancelAsync(CloseJobKind, JobKey(pollId), cancellationToken).ConfigureAwait(false);
            LogWithdrawn(pollId);
        }
    }

    public Task<bool> MarkResultsPostedAsync(Poll poll, CancellationToken cancellationToken) =>
        store.MarkResultsPostedAsync(poll.Id, cancellationToken);

    /// <summary>Stores where the card landed (as the inbound pipeline reports it) and keeps the cached copy in step.</summary>
    public async Task RecordCardMessageAsync(long pollId, MessageRef message, CancellationToken cancellationToken)
    {
        await store.SetCardMessageAsync(pollId, message.MessageId, cancellationToken).ConfigureAwait(false);
        if (_polls.TryGetValue(pollId, out var cached))
        {
            _polls.TryUpdate(pollId, cached with { CardMessageId = message.MessageId }, cached);
        }
    }

    public static string JobKey(long pollId) => pollId.ToString(CultureInfo.InvariantCulture);

    // Only open polls before their closing time are cached (votes read them constantly). Past it, or with no closing
    // time (made by older versions), a poll is closed or soon will be (its job, the retention sweep in SQL) and later
    // deleted (Storage:Retention:ClosedPolls): a vote then reads the store and is refused without a write.
    private bool IsCacheable(Poll poll) => poll.ClosedAt is null && poll.ClosesAt is { } closesAt && closesAt > clock.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} created in {Conversation} with {OptionCount} options, closing {ClosesAt}")]
    private partial void LogCreated(long pollId, string conversation, int optionCount, DateTimeOffset closesAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollId} withdrawn: its card could not be posted")]
    private partial void LogWithdrawn(long pollId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed at {ClosedAt}")]
    private partial void LogClosed(long pollId, DateTimeOffset closedAt);
}

/// <summary>The due job's payload: <c>{"pollId":12}</c>.</summary>
public sealed record CloseJobPayload(long PollId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(long pollId) => JsonSerializer.Serialize(new CloseJobPayload(pollId), Json);

    public static long? TryReadPollId(string payload, string key)
    {
        try
        {
            if (JsonSerializer.Deserialize<CloseJobPayload>(payload, Json) is { PollId: > 0 } parsed)
            {
                return parsed.PollId;
            }
        }
        catch (JsonException)
        {
            // Fall back to the key, which is the poll id as well.
        }

        return long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
