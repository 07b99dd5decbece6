using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.Polls;

namespace PolicyBot.Storage.Polls;

/// <summary>
/// PostgreSQL's ballot path: each ballot is ONE statement (a data-modifying CTE records the delivery id and, only when it
/// is new, writes the ballot), and a whole batch of them goes to the server in one round trip (<see cref="NpgsqlBatch"/>).
/// The statements run in order inside the writer's transaction, so the semantics match the statement-by-statement path:
/// a repeated delivery id is a duplicate, and a user's later ballot in the same batch wins.
/// </summary>
internal static class PipelinedBallots
{
    // fresh = 1 when the delivery id was new (the ballot was written), 0 for a duplicate.
    private const string CastSql =
        "WITH d AS (INSERT INTO poll_vote_deliveries (delivery_id, poll_id, received_at) VALUES ($1, $2, $3) ON CONFLICT (delivery_id) DO NOTHING RETURNING 1), " +
        "b AS (INSERT INTO poll_ballots (poll_id, user_id, choices, cast_at, delivery_id) SELECT $2, $4, $5, $3, $1 FROM d " +
        "ON CONFLICT (poll_id, user_id) DO UPDATE SET choices = excluded.choices, cast_at = excluded.cast_at, delivery_id = excluded.delivery_id RETURNING 1) " +
        "SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM b)";

    // fresh as above; removed = 1 when the user had a ballot to withdraw.
    private const string WithdrawSql =
        "WITH d AS (INSERT INTO poll_vote_deliveries (delivery_id, poll_id, received_at) VALUES ($1, $2, $3) ON CONFLICT (delivery_id) DO NOTHING RETURNING 1), " +
        "x AS (DELETE FROM poll_ballots WHERE poll_id = $2 AND user_id = $4 AND EXISTS (SELECT 1 FROM d) RETURNING 1) " +
        "SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM x)";

    /// <summary>Writes the ballots that passed validation and fills in their outcomes.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(int Index, Ballot Ballot)> ballots, BallotOutcome[] outcomes)
    {
        if (ballots.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (_, ballot) in ballots)
        {
            var command = new NpgsqlBatchCommand(ballot.IsWithdrawal ? WithdrawSql : CastSql);
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = ballot.DeliveryId });
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = ballot.PollId });
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = ballot.CastAt.ToUnixTimeMilliseconds() });
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = ballot.UserId });
            if (!ballot.IsWithdrawal)
            {
                command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = ChoiceBits.From(ballot.Options) });
            }

            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
        foreach (var (index, ballot) in ballots)
        {
            if (!await reader.ReadAsync().ConfigureAwait(false))
            {
                throw new InvalidOperationException("A pipelined ballot statement returned no row.");
            }

            var fresh = reader.GetInt64(0) == 1;
            var changed = reader.GetInt64(1) == 1;
            outcomes[index] = !fresh ? BallotOutcome.Duplicate
                : !ballot.IsWithdrawal ? BallotOutcome.Recorded
                : changed ? BallotOutcome.Withdrawn
                : BallotOutcome.NothingToWithdraw;
            await reader.NextResultAsync().ConfigureAwait(false);
        }
    }
}
