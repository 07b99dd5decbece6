using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Polls;
using PolicyBot.Core.Polls.Commands;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Polls;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Durable votes per second through <see cref="PollService"/> with group commit, beside the database's own figures measured
/// the same way: single-row commits (one fsync each) and 100-row transactions (the ceiling); and the same votes as clicks
/// through <see cref="CommandRouter"/> with <see cref="SqlDeliveryLog"/> (which it reads only for a refused click).
/// <c>polls [--seconds N] [--rate R] [--voters V]</c>; PostgreSQL too when POLICYBOT_TEST_POSTGRES is set.
/// </summary>
internal static class PollBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = ReadOption(args, "--seconds", 5);
        var rate = ReadOption(args, "--rate", 20_000);
        var voters = ReadOption(args, "--voters", 1_000);
        Console.WriteLine($"Polls benchmark: {voters} voters, {seconds} s per run, open-loop rate {rate}/s, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        await using (var sqlite = await BenchDatabase.CreateSqliteAsync())
        {
            await RunAllAsync("SQLite (WAL, synchronous=FULL)", sqlite.Connections, seconds, rate, voters);
        }

        if (Environment.GetEnvironmentVariable("POLICYBOT_TEST_POSTGRES") is { Length: > 0 } postgres)
        {
            await using var database = await BenchDatabase.CreatePostgresAsync(postgres);
            await RunAllAsync("PostgreSQL (fsync on)", database.Connections, seconds, rate, voters);
        }

        return 0;
    }

    private static async Task RunAllAsync(string name, IDbConnectionFactory connections, int seconds, int rate, int voters)
    {
        Console.WriteLine();
        Console.WriteLine($"## {name}");
        var single = await SingleRowCommitsAsync(connections, TimeSpan.FromSeconds(Math.Min(seconds, 3)));
        Console.WriteLine($"single-row commits (one fsync each):      {single,10:N0} rows/s");
        var batched = await HundredRowTransactionsAsync(connections, TimeSpan.FromSeconds(Math.Min(seconds, 3)));
        Console.WriteLine($"100-row transactions (the ceiling):       {batched,10:N0} rows/s");

        var closed = await VoteAsync(connections, voters, TimeSpan.FromSeconds(seconds), openLoopRate: null);
        Console.WriteLine($"poll votes, {voters} voters flat out:      {closed}");
        var open = await VoteAsync(connections, voters, TimeSpan.FromSeconds(seconds), openLoopRate: rate);
        Console.WriteLine($"poll votes, offered {rate:N0}/s:            {open}");

        closed = await VoteAsync(connections, voters, TimeSpan.FromSeconds(seconds), openLoopRate: null, throughRouter: true);
        Console.WriteLine($"through the router, flat out:            {closed}");
        open = await VoteAsync(connections, voters, TimeSpan.FromSeconds(seconds), openLoopRate: rate, throughRouter: true);
        Console.WriteLine($"through the router, {rate:N0}/s:           {open}");
    }

    /// <summary>
    /// Votes through the poll service. Flat out: every voter votes again as soon as the last vote is durable (maximum throughput;
    /// latency is then queueing by Little's law). Open loop: votes arrive at a fixed rate regardless of how fast they finish, and
    /// latency counts from each vote's scheduled time, so a stall is not hidden (no coordinated omission).
    /// Through the router: each vote is a click dispatched by <see cref="CommandRouter"/> with the production filters and the
    /// SQL delivery log (read only when a click is refused: none is here), then <see cref="VoteCommand"/>. The bench
    /// conversation is on the console, exempt from the rate limit, so every click is a vote.
    /// </summary>
    private static async Task<VoteRun> VoteAsync(IDbConnectionFactory connections, int voters, TimeSpan duration, int? openLoopRate, bool throughRouter = false)
    {
        await using var writer = new VoteWriter(connections, NullLogger<VoteWriter>.Instance);
        var store = new SqlPollStore(connections, writer);
        var clock = TimeProvider.System;
        using var cards = new PollCardUpdater(store, new ChatPlatformRegistry([]), clock, Options.Create(new PollOptions()),
            CommandSyntax.Default(), NullLogger<PollCardUpdater>.Instance);
        var service = new PollService(store, new NoDueJobs(), cards, clock, Options.Create(new PollOptions()), NullLogger<PollService>.Instance);
        var conversation = new ConversationRef(Platforms.Console, "bench");
        var poll = await service.CreateAsync(
            new PollRequest("Which concession first?", ["Lift sanctions", "Cancel drills", "Both", "Neither", "Other"], 2, false, false, null),
            new Sender("creator", "Creator"), conversation, CancellationToken.None);
        var senders = Enumerable.Range(0, voters).Select(i => new Sender($"voter-{i}", "V")).ToArray();
        ImmutableArray<int>[] ballots = [[1], [2], [3], [1, 2], [4], [5], [2, 5]];
        var commandOptions = Options.Create(new CommandOptions());
        using var rateLimit = new RateLimitFilter(commandOptions);
        var router = new CommandRouter(new CommandCatalog([new VoteCommand(service)]), [new PermissionFilter(), rateLimit],
            new SqlDeliveryLog(connections, clock), commandOptions, NullLogger<CommandRouter>.Instance, clock, syntax: CommandSyntax.Default());
        var clicks = ballots.Select(b => $"{poll.Id} {string.Join(' ', b)}").ToArray();
        var latencies = new List<double>[voters];
        for (var i = 0; i < voters; i++)
        {
            latencies[i] = new List<double>(4096);
        }

        var batchesBefore = writer.Batches;
        var started = clock.GetTimestamp();
        long sequence = 0;
        long completed = 0;
        var failures = 0;
        var saturated = false;

        async Task CastAsync(int voter, long scheduledAt)
        {
            var id = Interlocked.Increment(ref sequence);
            try
            {
                var deliveryId = $"bench-{poll.Id}-{id}";
                var recorded = throughRouter
                    ? (await router.DispatchAsync(new CommandInvocation("vote", clicks[id % clicks.Length], senders[voter], conversation, deliveryId,
                        InvocationSource.Button), CancellationToken.None)).Kind == CommandOutcomeKind.Handled
                    : await service.VoteAsync(poll, senders[voter], ballots[id % ballots.Length], deliveryId, null, CancellationToken.None) == BallotOutcome.Recorded;
                if (!recorded)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }

            Interlocked.Increment(ref completed);
            var latency = clock.GetElapsedTime(scheduledAt).TotalMilliseconds;
            lock (latencies[voter])
            {
                latencies[voter].Add(latency);
            }
        }

        if (openLoopRate is null)
        {
            await Task.WhenAll(Enumerable.Range(0, voters).Select(async voter =>
            {
                await Task.Yield();
                while (clock.GetElapsedTime(started) < duration)
                {
                    await CastAsync(voter, clock.GetTimestamp());
                }
            }));
        }
        else
        {
            var inFlight = new List<Task>();
            long launched = 0;
            var ticksPerVote = (double)Stopwatch.Frequency / openLoopRate.Value;
            while (clock.GetElapsedTime(started) < duration)
            {
                var due = (long)(clock.GetElapsedTime(started).TotalSeconds * openLoopRate.Value);
                // More than a second of backlog: the store cannot keep up with the offered rate; stop rather than queue forever.
                if (launched - Interlocked.Read(ref completed) > openLoopRate.Value)
                {
                    saturated = true;
                    break;
                }

                for (; launched < due; launched++)
                {
                    inFlight.Add(CastAsync((int)(launched % voters), started + (long)(launched * ticksPerVote)));
                }

                await Task.Delay(1);
            }

            await Task.WhenAll(inFlight);
        }

        var elapsed = clock.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var tally = await store.TallyAsync(poll.Id, 5, CancellationToken.None);
        if (tally.Voters != Math.Min(voters, all.Length))
        {
            throw new InvalidOperationException($"Tally shows {tally.Voters} voters, expected {Math.Min(voters, all.Length)}.");
        }

        return new VoteRun(all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1],
            all.Length / (double)Math.Max(1, writer.Batches - batchesBefore), failures, saturated);
    }

    private static async Task<double> SingleRowCommitsAsync(IDbConnectionFactory connections, TimeSpan duration)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS bench_rows (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        long rows = 0;
        while (clock.GetElapsedTime(started) < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO bench_rows (id, payload) VALUES (@id, 'x')", new { id = 1_000_000_000L + rows }, transaction);
            await transaction.CommitAsync();
            rows++;
        }

        return rows / clock.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<double> HundredRowTransactionsAsync(IDbConnectionFactory connections, TimeSpan duration)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        long rows = 0;
        while (clock.GetElapsedTime(started) < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO bench_rows (id, payload) VALUES (@id, 'x')";
            var id = insert.CreateParameter();
            id.ParameterName = "@id";
            id.DbType = System.Data.DbType.Int64;
            insert.Parameters.Add(id);
            for (var i = 0; i < 100; i++)
            {
                id.Value = 2_000_000_000L + rows++;
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return rows / clock.GetElapsedTime(started).TotalSeconds;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int ReadOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record VoteRun(double VotesPerSecond, double P50, double P99, double Max, double VotesPerCommit, int Failures, bool Saturated)
    {
        public override string ToString() =>
            $"{VotesPerSecond,10:N0} votes/s  p50 {P50,6:N1} ms  p99 {P99,6:N1} ms  max {Max,6:N0} ms  {VotesPerCommit,6:N0} votes/commit  {Failures} failed" +
            (Saturated ? "  SATURATED (over 1 s of backlog; stopped early)" : string.Empty);
    }

    /// <summary>Auto-close is not part of the measurement.</summary>
    private sealed class NoDueJobs : IDueJobStore
    {
        public Task ScheduleAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> ScheduleIfAbsentAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CancelAsync(string kind, string key, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IReadOnlyList<DueJob>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DueJob>>([]);

        public Task CompleteAsync(DueJob job, string owner, DueJobResult result, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
    }

    /// <summary>A fresh, migrated database that removes itself.</summary>
    private sealed class BenchDatabase(IDbConnectionFactory connections, Func<Task> cleanup) : IAsyncDisposable
    {
        public IDbConnectionFactory Connections { get; } = connections;

        public static async Task<BenchDatabase> CreateSqliteAsync()
        {
            var folder = new ScratchFolder(ScratchFolder.BenchmarksArea, Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);
            var factory = new SqliteConnectionFactory(folder.Combine("bench.db"));
            await factory.InitializeAsync(CancellationToken.None);
            await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
            return new BenchDatabase(factory, () =>
            {
                folder.Dispose();
                return Task.CompletedTask;
            });
        }

        public static async Task<BenchDatabase> CreatePostgresAsync(string admin)
        {
            var name = "pb_bench_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await connection.ExecuteAsync($"CREATE DATABASE {name}");
            }

            var factory = new PostgresConnectionFactory(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
            await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
            return new BenchDatabase(factory, async () =>
            {
                await factory.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            });
        }

        public ValueTask DisposeAsync() => new(cleanup());
    }
}
