using Dapper;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Scheduling;

/// <summary>
/// Due jobs in the <c>due_jobs</c> table. A claim is one UPDATE that leases the oldest due, unleased rows and returns
/// them: on PostgreSQL the inner SELECT takes row locks with <c>FOR UPDATE SKIP LOCKED</c> so concurrent instances
/// split the work instead of queueing; SQLite serialises writers, so the same single statement is already exclusive.
/// Both walk the <c>due_at</c> index from the oldest job, so future jobs are never read.
/// Complete and release only touch the row while it is still this owner's claim (same attempt and due time), so a job
/// that was replaced or taken over after a lost lease is left alone.
/// </summary>
public sealed class SqlDueJobStore(IDbConnectionFactory connections, TimeProvider clock) : IDueJobStore
{
    private const string Columns = "id AS Id, kind AS Kind, key AS Key, payload AS Payload, due_at AS DueAt, attempt AS Attempt, posted_at AS PostedAt";

    private const string DueAndFree = "due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)";

    private const string SameClaim = "id = @Id AND lease_owner = @owner AND attempt = @Attempt AND due_at = @DueAt";

    private static readonly string SqliteClaim = $"""
        UPDATE due_jobs SET lease_owner = @owner, lease_until = @leaseUntil, attempt = attempt + 1
        WHERE id IN (SELECT id FROM due_jobs WHERE {DueAndFree} ORDER BY due_at LIMIT @max)
        RETURNING {Columns}
        """;

    private static readonly string PostgresClaim = $"""
        UPDATE due_jobs SET lease_owner = @owner, lease_until = @leaseUntil, attempt = attempt + 1
        WHERE id IN (SELECT id FROM due_jobs WHERE {DueAndFree} ORDER BY due_at LIMIT @max FOR UPDATE SKIP LOCKED)
        RETURNING {Columns}
        """;

    public async Task ScheduleAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO due_jobs (kind, key, payload, due_at, attempt) VALUES (@kind, @key, @payload, @dueAt, 0)
            ON CONFLICT (kind, key) DO UPDATE SET payload = excluded.payload, due_at = excluded.due_at,
                lease_owner = NULL, lease_until = NULL, attempt = 0, posted_at = NULL
            """,
            new { kind, key, payload, dueAt = dueAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> ScheduleIfAbsentAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO due_jobs (kind, key, payload, due_at, attempt) VALUES (@kind, @key, @payload, @dueAt, 0) ON CONFLICT (kind, key) DO NOTHING",
            new { kind, key, payload, dueAt = dueAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task<bool> CancelAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM due_jobs WHERE kind = @kind AND key = @key",
            new { kind, key },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<DueJob>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            connections.Dialect == SqlDialect.Postgres ? PostgresClaim : SqliteClaim,
            new { now = now.ToUnixTimeMilliseconds(), leaseUntil = (now + lease).ToUnixTimeMilliseconds(), owner, max },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToJob()).OrderBy(j => j.DueAt).ToArray();
    }

    public async Task CompleteAsync(DueJob job, string owner, DueJobResult result, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var claim = ClaimParameters(job, owner);
        if (result.NextDueAt is { } next)
        {
            claim.Add("next", next.ToUnixTimeMilliseconds());
            claim.Add("payload", result.NextPayload);
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE due_jobs SET due_at = @next, payload = COALESCE(@payload, payload), lease_owner = NULL, lease_until = NULL, attempt = 0,
                    posted_at = NULL
                WHERE {SameClaim}
                """,
                claim,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM due_jobs WHERE {SameClaim}", claim, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    public async Task ReleaseAsync(DueJob job, string owner, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var claim = ClaimParameters(job, owner);
        claim.Add("retryAt", retryAt.ToUnixTimeMilliseconds());

        // The row stays "leased by nobody" until retryAt: unclaimable until then, with its due time and attempt kept.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE due_jobs SET lease_owner = NULL, lease_until = @retryAt WHERE {SameClaim}",
            claim,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> MarkPostedAsync(DueJob job, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The claim is identified without its owner: every claim raises the attempt, so id, attempt and due time name one.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE due_jobs SET posted_at = @postedAt WHERE id = @Id AND attempt = @Attempt AND due_at = @DueAt",
            new { job.Id, job.Attempt, DueAt = job.DueAt.ToUnixTimeMilliseconds(), postedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return updated == 1;
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);

        // ORDER BY + LIMIT walks the due_at index and stops at the first free row (leased rows are the few in flight).
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT due_at FROM due_jobs WHERE lease_until IS NULL OR lease_until <= @now ORDER BY due_at LIMIT 1",
            new { now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>How many jobs exist (for diagnostics and tests).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM due_jobs", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    private static DynamicParameters ClaimParameters(DueJob job, string owner)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Id", job.Id);
        parameters.Add("owner", owner);
        parameters.Add("Attempt", job.Attempt);
        parameters.Add("DueAt", job.DueAt.ToUnixTimeMilliseconds());
        return parameters;
    }

    private sealed class JobRow
    {
        public long Id { get; init; }

        public string Kind { get; init; } = "";

        public string Key { get; init; } = "";

        public string Payload { get; init; } = "";

        public long DueAt { get; init; }

        public long Attempt { get; init; }

        public long? PostedAt { get; init; }

        public DueJob ToJob() => new(Id, Kind, Key, Payload, DateTimeOffset.FromUnixTimeMilliseconds(DueAt), (int)Attempt) { Posted = PostedAt is not null };
    }
}
