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
    private readonly DbCommand _deleteChoices;
    private readonly DbCommand _insertChoice;

    public BallotStatements(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        // PostgreSQL: share-lock the poll row so a concurrent close waits for this batch, and no vote lands after it.
        // SQLite needs nothing: its write transaction already excludes every other writer.
        _readPoll = Create(connection, transaction,
            "SELECT closed_at, closes_at FROM polls WHERE id = @poll" + (dialect == SqlDialect.Postgres ? " FOR SHARE" : string.Empty),
            ("poll", DbType.Int64));
        _recordDelivery = Create(connection, transaction,
            "INSERT INTO poll_vote_deliveries (delivery_id, poll_id, received_at) VALUES (@delivery, @poll, @at) ON CONFLICT (delivery_id) DO NOTHING",
            ("delivery", DbType.String), ("poll", DbType.Int64), ("at", DbType.Int64));
        _deleteBallot = Create(connection, transaction,
            "DELETE FROM poll_ballots WHERE poll_id = @poll AND user_id = @user",
            ("poll", DbType.Int64), ("user", DbType.String));
        _upsertBallot = Create(connection, transaction,
            "INSERT INTO poll_ballots (poll_id, user_id, cast_at, delivery_id) VALUES (@poll, @user, @at, @delivery) " +
            "ON CONFLICT (poll_id, user_id) DO UPDATE SET cast_at = excluded.cast_at, delivery_id = excluded.delivery_id",
            ("poll", DbType.Int64), ("user", DbType.String), ("at", DbType.Int64), ("delivery", DbType.String));
        _deleteChoices = Create(connection, transaction,
            "DELETE FROM poll_choices WHERE poll_id = @poll AND user_id = @user",
            ("poll", DbType.Int64), ("user", DbType.String));
        _insertChoice = Create(connection, transaction,
            "INSERT INTO poll_choices (poll_id, user_id, option_number) VALUES (@poll, @user, @option)",
            ("poll", DbType.Int64), ("user", DbType.String), ("option", DbType.Int64));
    }

    public async Task<PollState> ReadPollStateAsync(long pollId)
    {
        _readPoll.Parameters[0].Value = pollId;
        await using var reader = await _readPoll.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            return new PollState(false, null, null);
        }

        return new PollState(true, reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <summary>False when the delivery was applied before.</summary>
    public async Task<bool> RecordDeliveryAsync(string deliveryId, long pollId, long at) =>
        await ExecuteAsync(_recordDelivery, deliveryId, pollId, at).ConfigureAwait(false) == 1;

    public async Task<bool> DeleteBallotAsync(long pollId, string userId) =>
        await ExecuteAsync(_deleteBallot, pollId, userId).ConfigureAwait(false) == 1;

    public Task UpsertBallotAsync(long pollId, string userId, long castAt, string deliveryId) =>
        ExecuteAsync(_upsertBallot, pollId, userId, castAt, deliveryId);

    public Task DeleteChoicesAsync(long pollId, string userId) => ExecuteAsync(_deleteChoices, pollId, userId);

    public Task InsertChoiceAsync(long pollId, string userId, int option) => ExecuteAsync(_insertChoice, pollId, userId, (long)option);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _readPoll, _recordDelivery, _deleteBallot, _upsertBallot, _deleteChoices, _insertChoice })
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
