using Npgsql;
using NpgsqlTypes;
using PolicyBot.Core.Polls;

namespace PolicyBot.Storage.Polls;

/// <summary>
/// PostgreSQL's ballot path: a whole batch is ONE statement over arrays (<c>unnest</c>), whose result is exactly that of
/// applying the ballots one by one in order: a delivery id seen before (in the table or earlier in the batch) changes
/// nothing; of the rest, each member's last ballot in the batch is what is stored (a vote is upserted, a withdrawal
/// deletes); and a withdrawal reports whether there was a ballot to withdraw at its place in the order (the member's
/// previous ballot in the batch, or the table as the statement found it).
/// </summary>
internal static class SetBasedBallots
{
    // Every part of one statement sees the table as it was when the statement began: "before" is the pre-batch state
    // even though "upserted" and "deleted" change it. Rows are written in key order so that two instances writing
    // batches at once take their row locks in the same order.
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest($1::int[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[])
                AS t(ord, delivery_id, poll_id, user_id, cast_at, choices)
        ),
        first_delivery AS (
            SELECT DISTINCT ON (delivery_id) * FROM input ORDER BY delivery_id, ord
        ),
        recorded AS (
            INSERT INTO poll_vote_deliveries (delivery_id, poll_id, received_at)
            SELECT delivery_id, poll_id, cast_at FROM first_delivery ORDER BY delivery_id
            ON CONFLICT (delivery_id) DO NOTHING
            RETURNING delivery_id
        ),
        fresh AS (
            SELECT f.* FROM first_delivery f JOIN recorded r USING (delivery_id)
        ),
        final AS (
            SELECT DISTINCT ON (poll_id, user_id) * FROM fresh ORDER BY poll_id, user_id, ord DESC
        ),
        upserted AS (
            INSERT INTO poll_ballots (poll_id, user_id, choices, cast_at, delivery_id)
            SELECT poll_id, user_id, choices, cast_at, delivery_id FROM final WHERE choices IS NOT NULL ORDER BY poll_id, user_id
            ON CONFLICT (poll_id, user_id) DO UPDATE SET choices = excluded.choices, cast_at = excluded.cast_at, delivery_id = excluded.delivery_id
            RETURNING 1
        ),
        deleted AS (
            DELETE FROM poll_ballots b USING final f
            WHERE f.choices IS NULL AND b.poll_id = f.poll_id AND b.user_id = f.user_id
            RETURNING 1
        ),
        before AS (
            SELECT b.poll_id, b.user_id FROM poll_ballots b
            WHERE (b.poll_id, b.user_id) IN (SELECT poll_id, user_id FROM fresh WHERE choices IS NULL)
        ),
        applied AS (
            SELECT ord, poll_id, user_id, lag(choices IS NOT NULL) OVER (PARTITION BY poll_id, user_id ORDER BY ord) AS after_vote
            FROM fresh
        )
        SELECT i.ord,
            CASE WHEN a.ord IS NULL THEN 0
                 WHEN i.choices IS NOT NULL THEN 1
                 WHEN COALESCE(a.after_vote, EXISTS (SELECT 1 FROM before b WHERE b.poll_id = a.poll_id AND b.user_id = a.user_id)) THEN 2
                 ELSE 3
            END
        FROM input i LEFT JOIN applied a ON a.ord = i.ord
        """;

    /// <summary>Writes the ballots that passed validation and fills in their outcomes.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(int Index, Ballot Ballot)> ballots, BallotOutcome[] outcomes)
    {
        if (ballots.Count == 0)
        {
            return;
        }

        var order = new int[ballots.Count];
        var deliveries = new string[ballots.Count];
        var polls = new long[ballots.Count];
        var users = new string[ballots.Count];
        var castAt = new long[ballots.Count];
        var choices = new long?[ballots.Count];
        for (var i = 0; i < ballots.Count; i++)
        {
            var ballot = ballots[i].Ballot;
            order[i] = i;
            deliveries[i] = ballot.DeliveryId;
            polls[i] = ballot.PollId;
            users[i] = ballot.UserId;
            castAt[i] = ballot.CastAt.ToUnixTimeMilliseconds();
            choices[i] = ballot.IsWithdrawal ? null : ChoiceBits.From(ballot.Options);
        }

        await using var command = new NpgsqlCommand(Sql, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<int[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, TypedValue = order },
                new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = deliveries },
                new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = polls },
                new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = users },
                new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = castAt },
                new NpgsqlParameter<long?[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = choices },
            },
        };
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var seen = 0;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var (index, ballot) = ballots[reader.GetInt32(0)];
            outcomes[index] = reader.GetInt32(1) switch
            {
                0 => BallotOutcome.Duplicate,
                1 => BallotOutcome.Recorded,
                2 => BallotOutcome.Withdrawn,
                _ => BallotOutcome.NothingToWithdraw,
            };
            seen++;
        }

        if (seen != ballots.Count)
        {
            throw new InvalidOperationException($"The ballot statement answered for {seen} of {ballots.Count} ballots.");
        }
    }
}
