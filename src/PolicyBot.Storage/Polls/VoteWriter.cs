using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Polls;

/// <summary>
/// Group commit for ballots. Callers queue a ballot and wait; one writer loop takes everything queued, applies it in ONE
/// transaction, commits (one fsync), and only then completes each caller. So a vote is durable before it is acknowledged,
/// yet a burst of votes costs one disk flush per batch instead of one per vote. Ballots take effect as if applied one
/// by one in arrival order, so a user's later vote wins even inside a batch: statement by statement on SQLite (in-process,
/// nothing to save), in one set-based statement per batch on PostgreSQL (<see cref="SetBasedBallots"/>).
/// </summary>
public sealed partial class VoteWriter : IAsyncDisposable
{
    private readonly IDbConnectionFactory _connections;
    private readonly ILogger<VoteWriter> _logger;
    private readonly int _maxBatch;
    private readonly Channel<PendingBallot> _queue = Channel.CreateUnbounded<PendingBallot>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Task _loop;
    private long _batches;
    private long _ballots;

    public VoteWriter(IDbConnectionFactory connections, ILogger<VoteWriter> logger, int maxBatch = 2000)
    {
        _connections = connections;
        _logger = logger;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Committed transactions so far (each one fsync).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Ballots written so far.</summary>
    public long Ballots => Interlocked.Read(ref _ballots);

    /// <summary>
    /// Queues the ballot and completes after its transaction committed. Cancelling stops the wait only: a queued ballot is
    /// still written (its delivery id keeps a retry from counting twice).
    /// </summary>
    public Task<BallotOutcome> WriteAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        var pending = new PendingBallot(ballot);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(VoteWriter), "The vote writer is shutting down.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Finish what was accepted: every queued vote is written before shutdown completes.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingBallot>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteBatchAsync(List<PendingBallot> batch)
    {
        try
        {
            var outcomes = await WriteInOneTransactionAsync(batch).ConfigureAwait(false);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _ballots, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(outcomes[i]);
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad ballot (or a deadlock with another instance) must not fail its neighbours: retry each alone.
            LogBatchFailed(ex, batch.Count);
        }
        catch (Exception ex)
        {
            LogBallotFailed(ex, batch[0].Ballot.PollId);
            batch[0].Completion.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                var outcome = await WriteInOneTransactionAsync([pending]).ConfigureAwait(false);
                Interlocked.Increment(ref _batches);
                Interlocked.Increment(ref _ballots);
                pending.Completion.TrySetResult(outcome[0]);
            }
            catch (Exception ex)
            {
                // Only the poll id: never who voted for what.
                LogBallotFailed(ex, pending.Ballot.PollId);
                pending.Completion.TrySetException(ex);
            }
        }
    }

    /// <summary>Applies <paramref name="ballots"/> as ONE batch, in one transaction (tests pin the in-batch semantics with it).</summary>
    internal Task<BallotOutcome[]> WriteTogetherAsync(IReadOnlyList<Ballot> ballots) =>
        WriteInOneTransactionAsync([.. ballots.Select(b => new PendingBallot(b))]);

    private async Task<BallotOutcome[]> WriteInOneTransactionAsync(IReadOnlyList<PendingBallot> batch)
    {
        await using var connection = await _connections.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var statements = new BallotStatements(connection, transaction, _connections.Dialect);
        var pollStates = new Dictionary<long, PollState>();
        var outcomes = new BallotOutcome[batch.Count];
        var setBased = connection is NpgsqlConnection ? new List<(int, Ballot)>(batch.Count) : null;
        for (var i = 0; i < batch.Count; i++)
        {
            var ballot = batch[i].Ballot;
            if (!pollStates.TryGetValue(ballot.PollId, out var state))
            {
                state = await statements.ReadPollStateAsync(ballot.PollId).ConfigureAwait(false);
                pollStates[ballot.PollId] = state;
            }

            if (Reject(state, ballot) is { } rejected)
            {
                outcomes[i] = rejected;
            }
            else if (setBased is not null)
            {
                setBased.Add((i, ballot));
            }
            else
            {
                outcomes[i] = await ApplyAsync(statements, ballot).ConfigureAwait(false);
            }
        }

        if (setBased is not null)
        {
            // PostgreSQL is across a network and plans a statement per call: one statement for the whole batch.
            await SetBasedBallots.WriteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, setBased, outcomes).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>Why the poll refuses the ballot (gone, closed, options it does not have), or null to write it.</summary>
    private static BallotOutcome? Reject(PollState state, Ballot ballot)
    {
        if (!state.Exists)
        {
            return BallotOutcome.PollNotFound;
        }

        var castAt = ballot.CastAt.ToUnixTimeMilliseconds();
        if (state.ClosedAt is not null || state.ClosesAt <= castAt)
        {
            return BallotOutcome.PollClosed;
        }

        return !ballot.IsWithdrawal && !ChoiceBits.AreValid(ballot.Options, state.OptionCount, state.MaxChoices)
            ? BallotOutcome.InvalidOptions
            : null;
    }

    private static async Task<BallotOutcome> ApplyAsync(BallotStatements statements, Ballot ballot)
    {
        var castAt = ballot.CastAt.ToUnixTimeMilliseconds();
        if (!await statements.RecordDeliveryAsync(ballot.DeliveryId, ballot.PollId, castAt).ConfigureAwait(false))
        {
            return BallotOutcome.Duplicate;
        }

        if (ballot.IsWithdrawal)
        {
            return await statements.DeleteBallotAsync(ballot.PollId, ballot.UserId).ConfigureAwait(false)
                ? BallotOutcome.Withdrawn
                : BallotOutcome.NothingToWithdraw;
        }

        await statements.UpsertBallotAsync(ballot.PollId, ballot.UserId, ChoiceBits.From(ballot.Options), castAt, ballot.DeliveryId).ConfigureAwait(false);
        return BallotOutcome.Recorded;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} ballots failed; writing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A ballot on poll {PollId} could not be written")]
    private partial void LogBallotFailed(Exception exception, long pollId);

    private sealed class PendingBallot(Ballot ballot)
    {
        public Ballot Ballot { get; } = ballot;

        // Asynchronous continuations: callers must never run on (and stall) the writer loop.
        public TaskCompletionSource<BallotOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A poll's open/closed state as the writer's transaction sees it.</summary>
internal readonly record struct PollState(bool Exists, long? ClosedAt, long? ClosesAt, int OptionCount, int MaxChoices);
