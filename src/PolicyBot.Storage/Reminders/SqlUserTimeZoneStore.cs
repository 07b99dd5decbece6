using Dapper;
using PolicyBot.Core.Reminders;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Reminders;

/// <summary>Users' time zones in <c>user_time_zones</c>.</summary>
public sealed class SqlUserTimeZoneStore(IDbConnectionFactory connections, TimeProvider clock) : IUserTimeZoneStore
{
    public async Task<string?> GetAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT time_zone FROM user_time_zones WHERE platform = @platform AND user_id = @userId",
            new { platform, userId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task SetAsync(string platform, string userId, string timeZoneId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO user_time_zones (platform, user_id, time_zone, updated_at) VALUES (@platform, @userId, @timeZoneId, @now)
            ON CONFLICT (platform, user_id) DO UPDATE SET time_zone = excluded.time_zone, updated_at = excluded.updated_at
            """,
            new { platform, userId, timeZoneId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
