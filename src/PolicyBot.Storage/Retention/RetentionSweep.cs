using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Retention;

/// <summary>
/// Deletes what has outlived its retention, one table at a time, and closes polls that nothing else will close so that it
/// can delete them later. Every statement touches at most <see cref="RetentionOptions.BatchSize"/> rows and commits on its own, so no
/// prune holds the write lock long: SQLite has one writer, and the vote writer must not queue behind a million-row
/// delete. The same SQL runs on both dialects (<c>DELETE ... WHERE key IN (SELECT key ... LIMIT n)</c>, since SQLite
/// has no <c>DELETE ... LIMIT</c>).
/// </summary>
public sealed class RetentionSweep(IDbConnectionFactory connections, IOptions<RetentionOptions> options, TimeProvider clock)
{
    // A forgotten delivery id is the only way a retry could run twice, so DeliveryIds must outlast every platform's
    // retry window (validated: at least an hour; Slack's last retry comes about 6 minutes after the event).
    private const string DeliveryIdsSql =
        "DELETE FROM delivery_log WHERE delivery_id IN (SELECT delivery_id FROM delivery_log WHERE received_at < @cutoff LIMIT @batch)";

    private const string VoteDeliveriesSql =
        "DELETE FROM poll_vote_deliveries WHERE delivery_id IN (SELECT delivery_id FROM poll_vote_deliveries WHERE received_at < @cutoff LIMIT @batch)";

    // answer_vote rows go with their answer (ON DELETE CASCADE); an answer has a handful of votes at most.
    private const string AnswersSql =
        "DELETE FROM answer_log WHERE answer_id IN (SELECT answer_id FROM answer_log WHERE asked_at < @cutoff LIMIT @batch)";

    private const string ExpiredPollsSql =
        "SELECT id FROM polls WHERE closed_at < @cutoff ORDER BY closed_at LIMIT @batch";

    // A poll may hold hundreds of thousands of ballots: they go in batches before the poll row, whose delete then
    // cascades only to its options (at most 20) and to vote deliveries younger than DeliveryIds (normally none).
    private const string PollBallotsSql =
        "DELETE FROM poll_ballots WHERE poll_id = @poll AND user_id IN (SELECT user_id FROM poll_ballots WHERE poll_id = @poll LIMIT @batch)";

    private const string PollSql = "DELETE FROM polls WHERE id = @poll AND closed_at < @cutoff";

    // Open polls no close job will close: those with no closing time (made by older versions), once OpenEndedPolls old,
    // closed now; and those whose closing time is more than OverduePollGrace past with no poll.close job left (the process
    // died between storing the poll and scheduling its job), closed at their closing time as the job would have. A poll
    // whose job exists, however late (the bot was down), is left to the job, which also posts the final results and
    // redraws the card. Open polls are few (ix_polls_open_by_channel covers them; the job lookup uses due_jobs' unique
    // (kind, key)). The outer "closed_at IS NULL" is re-checked on the row itself, so a poll closed meanwhile by its
    // creator or its job keeps that closing time.
    private const string StrandedPollsSql =
        "UPDATE polls SET closed_at = COALESCE(closes_at, @now) WHERE closed_at IS NULL AND id IN " +
        "(SELECT p.id FROM polls p WHERE p.closed_at IS NULL AND (" +
        "(p.closes_at IS NULL AND p.created_at < @openEndedCutoff) OR " +
        "(p.closes_at < @overdueCutoff AND NOT EXISTS " +
        "(SELECT 1 FROM due_jobs j WHERE j.kind = @closeJobKind AND j.key = CAST(p.id AS TEXT)))) LIMIT @batch)";

    private int Batch => options.Value.BatchSize;

    /// <summary>Forgets command delivery ids older than <see cref="RetentionOptions.DeliveryIds"/>.</summary>
    public Task<int> PruneDeliveryIdsAsync(CancellationToken cancellationToken) =>
        ExecuteInBatchesAsync(DeliveryIdsSql, new { cutoff = Cutoff(options.Value.DeliveryIds), batch = Batch }, cancellationToken);

    /// <summary>Forgets vote delivery ids older than <see cref="RetentionOptions.DeliveryIds"/>.</summary>
    public Task<int> PruneVoteDeliveriesAsync(CancellationToken cancellationToken) =>
        ExecuteInBatchesAsync(VoteDeliveriesSql, new { cutoff = Cutoff(options.Value.DeliveryIds), batch = Batch }, cancellationToken);

    /// <summary>Deletes answers (and their votes) older than <see cref="RetentionOptions.Answers"/>.</summary>
    public Task<int> PruneAnswersAsync(CancellationToken cancellationToken) =>
        ExecuteInBatchesAsync(AnswersSql, new { cutoff = Cutoff(options.Value.Answers), batch = Batch }, cancellationToken);

    /// <summary>Deletes polls closed more than <see cref="RetentionOptions.ClosedPolls"/> ago, with their ballots and options; returns the polls deleted.</summary>
    public async Task<int> PruneClosedPollsAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff(options.Value.ClosedPolls);
        var deleted = 0;
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var expired = (await connection.QueryAsync<long>(new CommandDefinition(
                ExpiredPollsSql, new { cutoff, batch = Batch }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            foreach (var poll in expired)
            {
                await ExecuteInBatchesAsync(connection, PollBallotsSql, new { poll, batch = Batch }, cancellationToken).ConfigureAwait(false);
                deleted += await connection.ExecuteAsync(new CommandDefinition(
                    PollSql, new { poll, cutoff }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            if (expired.Count < Batch)
            {
                return deleted;
            }
        }
    }

    /// <summary>
    /// Closes the open polls no close job will close, so that <see cref="PruneClosedPollsAsync"/> deletes them later:
    /// those with no closing time created more than <see cref="RetentionOptions.OpenEndedPolls"/> ago (made before every
    /// poll got one), closed now; and those whose closing time passed more than
    /// <see cref="RetentionOptions.OverduePollGrace"/> ago and have no <c>poll.close</c> job, closed at their closing
    /// time. Neither gets a final-results post or a redrawn card. Returns the polls closed.
    /// </summary>
    public Task<int> CloseStrandedPollsAsync(CancellationToken cancellationToken) =>
        ExecuteInBatchesAsync(StrandedPollsSql, new
        {
            now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            openEndedCutoff = Cutoff(options.Value.OpenEndedPolls),
            overdueCutoff = Cutoff(RetentionOptions.OverduePollGrace),
            closeJobKind = PollService.CloseJobKind,
            batch = Batch,
        }, cancellationToken);

    private long Cutoff(TimeSpan retention) => (clock.GetUtcNow() - retention).ToUnixTimeMilliseconds();

    private async Task<int> ExecuteInBatchesAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteInBatchesAsync(connection, sql, parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a batch-limited delete (or update) until a batch comes back short; each statement is its own transaction.</summary>
    private async Task<int> ExecuteInBatchesAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            total += deleted;
            if (deleted < Batch)
            {
                return total;
            }
        }
    }
}
