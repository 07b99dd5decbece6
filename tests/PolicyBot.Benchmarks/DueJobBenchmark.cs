using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Scheduling;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Benchmarks;

/// <summary>
/// <c>due-jobs [sqlite|postgres|both] [future=100000] [due=1000]</c>: with many future jobs stored, how long claiming the
/// due ones takes and what it allocates (it must not grow with the future jobs), and claims per second with four workers.
/// PostgreSQL comes from POLICYBOT_BENCH_POSTGRES or POLICYBOT_TEST_POSTGRES (an admin connection string; a scratch database is created).
/// </summary>
internal static class DueJobBenchmark
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var which = args.Length > 0 ? args[0].ToLowerInvariant() : "both";
        var future = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var due = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var dialects = which switch
        {
            "sqlite" => new[] { SqlDialect.Sqlite },
            "postgres" => [SqlDialect.Postgres],
            _ => [SqlDialect.Sqlite, SqlDialect.Postgres],
        };

        foreach (var dialect in dialects)
        {
            if (dialect == SqlDialect.Postgres && PostgresAdmin is null)
            {
                Console.WriteLine("postgres: skipped (set POLICYBOT_BENCH_POSTGRES or POLICYBOT_TEST_POSTGRES)");
                continue;
            }

            foreach (var futureCount in new[] { future / 10, future })
            {
                await ClaimDueAmongFutureAsync(dialect, futureCount, due);
            }

            await ClaimThroughputAsync(dialect, jobs: 5_000, workers: 4, batch: 100);
        }

        return 0;
    }

    private static async Task ClaimDueAmongFutureAsync(SqlDialect dialect, int futureCount, int dueCount)
    {
        await using var database = await ScratchDatabase.CreateAsync(dialect);
        await InsertAsync(database.Connections, Enumerable.Range(0, futureCount).Select(i => ("future-" + i, Now.AddDays(1).AddSeconds(i)))
            .Concat(Enumerable.Range(0, dueCount).Select(i => ("due-" + i, Now.AddMilliseconds(-i)))));
        var store = new SqlDueJobStore(database.Connections, TimeProvider.System);

        // Warm up JIT, the pool and the statement cache with a claim that finds nothing.
        await store.ClaimDueAsync(Now.AddYears(-1), dueCount, "bench", Lease, CancellationToken.None);

        // Five rounds (leases reset between them, untimed); the median is reported with the range.
        var times = new List<double>();
        var allocations = new List<long>();
        var claimedCount = 0;
        for (var round = 0; round < 5; round++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var claimed = await store.ClaimDueAsync(Now, dueCount, "bench", Lease, CancellationToken.None);
            watch.Stop();
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            times.Add(watch.Elapsed.TotalMilliseconds);
            claimedCount = claimed.Count;
            await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("UPDATE due_jobs SET lease_owner = NULL, lease_until = NULL, attempt = 0");
        }

        times.Sort();
        Console.WriteLine(
            $"{dialect,-8} claim due: {claimedCount,5:N0} of {dueCount:N0} due among {futureCount,7:N0} future jobs: median {times[2],6:N1} ms " +
            $"(min {times[0]:N1}, max {times[4]:N1}), allocated {allocations.Average() / 1024.0,5:N0} KiB per claim");
        Console.WriteLine($"{dialect,-8} plan: {await PlanAsync(database.Connections, dueCount)}");
    }

    private static async Task ClaimThroughputAsync(SqlDialect dialect, int jobs, int workers, int batch)
    {
        await using var database = await ScratchDatabase.CreateAsync(dialect);
        await InsertAsync(database.Connections, Enumerable.Range(0, jobs).Select(i => ("job-" + i, Now.AddMilliseconds(-i))));
        var watch = Stopwatch.StartNew();
        var done = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var store = new SqlDueJobStore(database.Connections, TimeProvider.System);
            var owner = $"worker-{w}";
            var count = 0;
            while (true)
            {
                var claimed = await store.ClaimDueAsync(Now, batch, owner, Lease, CancellationToken.None);
                if (claimed.Count == 0)
                {
                    return count;
                }

                foreach (var job in claimed)
                {
                    await store.CompleteAsync(job, owner, DueJobResult.Done, CancellationToken.None);
                }

                count += claimed.Count;
            }
        })));
        watch.Stop();
        Console.WriteLine(
            $"{dialect,-8} throughput: {done.Sum():N0} jobs claimed and completed by {workers} workers (batch {batch}) in {watch.Elapsed.TotalSeconds:N2} s = " +
            $"{done.Sum() / watch.Elapsed.TotalSeconds:N0} jobs/s");
    }

    private static async Task InsertAsync(IDbConnectionFactory connections, IEnumerable<(string Key, DateTimeOffset DueAt)> jobs)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        foreach (var chunk in jobs.Chunk(5_000))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(
                "INSERT INTO due_jobs (kind, key, payload, due_at, attempt) VALUES ('reminder.fire', @Key, @Key, @DueAt, 0)",
                chunk.Select(j => new { j.Key, DueAt = j.DueAt.ToUnixTimeMilliseconds() }),
                transaction);
            await transaction.CommitAsync();
        }

        // CommandType.Text: Dapper would take the one-word "ANALYZE" for a stored procedure name.
        await connection.ExecuteAsync(connections.Dialect == SqlDialect.Postgres ? "ANALYZE due_jobs" : "ANALYZE", commandType: System.Data.CommandType.Text);
    }

    private static async Task<string> PlanAsync(IDbConnectionFactory connections, int max)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var now = Now.AddYears(-1).ToUnixTimeMilliseconds();
        var select = "SELECT id FROM due_jobs WHERE due_at <= @now AND (lease_until IS NULL OR lease_until <= @now) ORDER BY due_at LIMIT @max";
        var rows = connections.Dialect == SqlDialect.Postgres
            ? await connection.QueryAsync<string>($"EXPLAIN {select} FOR UPDATE SKIP LOCKED", new { now, max })
            : (await connection.QueryAsync($"EXPLAIN QUERY PLAN {select}", new { now, max })).Select(r => (string)((IDictionary<string, object>)r)["detail"]);
        return string.Join(" | ", rows.Select(r => r.Trim()));
    }

    private static string? PostgresAdmin =>
        Environment.GetEnvironmentVariable("POLICYBOT_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("POLICYBOT_TEST_POSTGRES") is { Length: > 0 } test ? test : null;

    /// <summary>A migrated scratch database (temporary SQLite file or a new PostgreSQL database), removed afterwards.</summary>
    private sealed class ScratchDatabase(IDbConnectionFactory connections, Func<Task> cleanup) : IAsyncDisposable
    {
        public IDbConnectionFactory Connections { get; } = connections;

        public static async Task<ScratchDatabase> CreateAsync(SqlDialect dialect)
        {
            if (dialect == SqlDialect.Sqlite)
            {
                var folder = new ScratchFolder(ScratchFolder.BenchmarksArea, Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);
                var sqlite = new SqliteConnectionFactory(folder.Combine("bench.db"));
                await sqlite.InitializeAsync(CancellationToken.None);
                await new MigrationRunner(sqlite, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
                return new ScratchDatabase(sqlite, () =>
                {
                    folder.Dispose();
                    return Task.CompletedTask;
                });
            }

            var admin = PostgresAdmin!;
            var name = "pb_bench_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await connection.ExecuteAsync($"CREATE DATABASE {name}");
            }

            var postgres = new PostgresConnectionFactory(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
            await new MigrationRunner(postgres, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
            return new ScratchDatabase(postgres, async () =>
            {
                await postgres.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            });
        }

        public ValueTask DisposeAsync() => new(cleanup());
    }
}
