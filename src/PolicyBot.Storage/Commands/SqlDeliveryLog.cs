using Dapper;
using PolicyBot.Core.Commands;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Commands;

/// <summary>
/// The delivery-id log in the database, so a retried event is handled once even when the retry reaches another
/// instance. The primary key does the deduplication; no read-then-write race. Old ids are pruned by
/// <see cref="Retention.RetentionPruner"/> after <see cref="Retention.RetentionOptions.DeliveryIds"/>.
/// </summary>
public sealed class SqlDeliveryLog(IDbConnectionFactory connections, TimeProvider clock) : IDeliveryLog
{
    // Votes store their ids with the ballot (poll_vote_deliveries, same database): one lookup by key answers for both.
    private const string SeenSql =
        "SELECT 1 FROM delivery_log WHERE delivery_id = @deliveryId " +
        "UNION ALL SELECT 1 FROM poll_vote_deliveries WHERE delivery_id = @deliveryId LIMIT 1";

    public async Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new Dapper.CommandDefinition(
            "INSERT INTO delivery_log (delivery_id, received_at) VALUES (@deliveryId, @receivedAt) ON CONFLICT (delivery_id) DO NOTHING",
            new { deliveryId, receivedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            SeenSql, new { deliveryId }, cancellationToken: cancellationToken)).ConfigureAwait(false) is not null;
    }
}
