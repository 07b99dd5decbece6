using System.Data;
using System.Data.Common;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Polls;

/// <summary>
/// The ballot writer's statements, created once per batch and re-executed with new parameter values. This is the hot path
/// (thousands of votes a second), so it uses plain ADO.NET commands that the driver prepares once rather than Dapper's
/// per-call command building. The SQL is the same on both dialects except the poll row lock.
/// </summary>
internal sealed class BallotStatements : IAsyncDisposable
{
    private readonly DbCommand _readPoll;
    private readonly DbCommand _recordDelivery;
    private readonly DbCommand _deleteBallot;
    private readonly DbCommand _upsertBallot;

    public BallotStatements(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        // PostgreSQL: share-lock the poll row so a concurrent close waits for this batch, and no vote lands after it.
        // SQLite needs nothing: its write transaction already excludes every other writer.
        _readPoll = Create(connection, transaction,
            "SELECT closed_at, closes_at, option_count, max_choices FROM polls WHERE id = @poll" + (dialect == SqlDialect.Postgres ? " FOR SHARE" : string.Empty),
            ("poll", DbType.Int64));
        _recordDelivery = Create(connection, transaction,
            "INSERT INTO poll_vote_deliveries (delivery_id, poll_id, received_at) VALUES (@delivery, @poll, @at) ON CONFLICT (delivery_id) DO NOTHING",
            ("delivery", DbType.String), ("poll", DbType.Int64), ("at", DbType.Int64));
        _deleteBallot = Create(connection, transaction,
            "DELETE FROM poll_ballots WHERE poll_id = @poll AND user_id = @user",
            ("poll", DbType.Int64), ("user", DbType.String));
        _upsertBallot = Create(connection, transaction,
            "INSERT INTO poll_ballots (poll_id, user_id, choices, cast_at, delivery_id) VALUES (@poll, @user, @choices, @at, @delivery) " +
            "ON CONFLICT (poll_id, user_id) DO UPDATE SET choices = excluded.choices, cast_at = excluded.cast_at, delivery_id = excluded.delivery_id",
            ("poll", DbType.Int64), ("user", DbType.String), ("choices", DbType.Int64), ("at", DbType.Int64), ("delivery", DbType.String));
    }

    public async Task<PollState> ReadPollStateAsync(long pollId)
    {
        _readPoll.Parameters[0].Value = pollId;
        await using var reader = await _readPoll.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            return new PollState(false, null, null, 0, 0);
        }

        return new PollState(
            true,
            reader.IsDBNull(0) ? null : reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetInt64(1),
            (int)reader.GetInt64(2),
            (int)reader.GetInt64(3));
    }

    /// <summary>False when the delivery was applied before.</summary>
    public async Task<bool> RecordDeliveryAsync(string deliveryId, long pollId, long at) =>
        await ExecuteAsync(_recordDelivery, deliveryId, pollId, at).ConfigureAwait(false) == 1;

    public async Task<bool> DeleteBallotAsync(long pollId, string userId) =>
        await ExecuteAsync(_deleteBallot, pollId, userId).ConfigureAwait(false) == 1;

    /// <summary>Stores the ballot, replacing the user's previous one whole.</summary>
    public Task UpsertBallotAsync(long pollId, string userId, long choices, long castAt, string deliveryId) =>
        ExecuteAsync(_upsertBallot, pollId, userId, choices, castAt, deliveryId);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _readPoll, _recordDelivery, _deleteBallot, _upsertBallot })
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<int> ExecuteAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync();
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
