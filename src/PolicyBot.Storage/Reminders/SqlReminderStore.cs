using Dapper;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Reminders;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Reminders;

/// <summary>Reminder rows in the <c>reminders</c> table (same SQL on SQLite and PostgreSQL).</summary>
public sealed class SqlReminderStore(IDbConnectionFactory connections) : IReminderStore
{
    private const string Columns =
        "id AS Id, platform AS Platform, owner_id AS OwnerId, owner_name AS OwnerName, channel_id AS ChannelId, thread_id AS ThreadId, " +
        "text AS Text, due_at AS DueAt, time_zone AS TimeZone, cron AS Cron, created_at AS CreatedAt";

    public async Task<long> AddAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO reminders (platform, owner_id, owner_name, channel_id, thread_id, text, due_at, time_zone, cron, created_at)
            VALUES (@Platform, @OwnerId, @OwnerName, @ChannelId, @ThreadId, @Text, @DueAt, @TimeZone, @Cron, @CreatedAt)
            RETURNING id
            """,
            new
            {
                reminder.Conversation.Platform,
                reminder.OwnerId,
                reminder.OwnerName,
                reminder.Conversation.ChannelId,
                reminder.Conversation.ThreadId,
                reminder.Text,
                DueAt = reminder.DueAt.ToUnixTimeMilliseconds(),
                TimeZone = reminder.TimeZoneId,
                reminder.Cron,
                CreatedAt = reminder.CreatedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<Reminder?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ReminderRow>(new CommandDefinition(
            $"SELECT {Columns} FROM reminders WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToReminder();
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    public async Task<bool> MoveAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE reminders SET due_at = @next WHERE id = @id AND due_at = @expected",
            new { id, expected = expected.ToUnixTimeMilliseconds(), next = next.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    public async Task<int> CountForOwnerAsync(string platform, string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM reminders WHERE platform = @platform AND owner_id = @ownerId",
            new { platform, ownerId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Reminder>> ListAsync(string platform, string ownerId, string channelId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM reminders
            WHERE platform = @platform AND (owner_id = @ownerId OR channel_id = @channelId)
            ORDER BY due_at, id LIMIT @max
            """,
            new { platform, ownerId, channelId, max },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToReminder()).ToArray();
    }

    private sealed class ReminderRow
    {
        public long Id { get; init; }

        public string Platform { get; init; } = "";

        public string OwnerId { get; init; } = "";

        public string OwnerName { get; init; } = "";

        public string ChannelId { get; init; } = "";

        public string? ThreadId { get; init; }

        public string Text { get; init; } = "";

        public long DueAt { get; init; }

        public string TimeZone { get; init; } = "";

        public string? Cron { get; init; }

        public long CreatedAt { get; init; }

        public Reminder ToReminder() => new(
            Id,
            OwnerId,
            OwnerName,
            new ConversationRef(Platform, ChannelId, ThreadId),
            Text,
            DateTimeOffset.FromUnixTimeMilliseconds(DueAt),
            TimeZone,
            Cron,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
    }
}
