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
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    public BallotStatements(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        _connection = connection;
        _transaction = transaction;
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

    /// <summary>Upserts the ballot and replaces its choices, in statement order.</summary>
    public async Task ReplaceBallotAsync(long pollId, string userId, long castAt, string deliveryId, IReadOnlyList<int> options)
    {
        if (!_connection.CanCreateBatch)
        {
            // SQLite: statements run in-process, so one call each costs no round trip.
            await ExecuteAsync(_upsertBallot, pollId, userId, castAt, deliveryId).ConfigureAwait(false);
            await ExecuteAsync(_deleteChoices, pollId, userId).ConfigureAwait(false);
            foreach (var option in options)
            {
                await ExecuteAsync(_insertChoice, pollId, userId, (long)option).ConfigureAwait(false);
            }

            return;
        }

        // PostgreSQL: the same statements pipelined in one round trip; each still sees the effects of the ones before it.
        await using var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        AddTo(batch, _upsertBallot, pollId, userId, castAt, deliveryId);
        AddTo(batch, _deleteChoices, pollId, userId);
        foreach (var option in options)
        {
            AddTo(batch, _insertChoice, pollId, userId, (long)option);
        }

        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static void AddTo(DbBatch batch, DbCommand template, params object[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = template.CommandText;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = template.Parameters[i].ParameterName;
            parameter.DbType = template.Parameters[i].DbType;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
    }

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
