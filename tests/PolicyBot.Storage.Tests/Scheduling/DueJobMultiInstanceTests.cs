using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Scheduling;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Scheduling;

/// <summary>
/// Several bot instances on one database: three hosts (each its own connection factory, store and dispatcher with
/// its own owner name) share the work so that every job runs exactly once, and a host that dies holding leases
/// loses those jobs to the others once the lease runs out. Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class DueJobMultiInstanceTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Due = DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _clock = new(Due.AddMinutes(-1));
    private readonly CountingHandler _handler = new();

    [SkippableFact]
    public async Task Three_hosts_run_500_jobs_due_at_once_exactly_once()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var hosts = Enumerable.Range(1, 3).Select(n => CreateHost(database, $"host-{n}")).ToArray();
        for (var i = 0; i < 500; i++)
        {
            await hosts[i % 3].Store.ScheduleAsync(CountingHandler.JobKind, $"job-{i}", $"{i}", Due, CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var handled = await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Dispatcher.RunDueJobsOnceAsync(CancellationToken.None))));

        Assert.Equal(500, handled.Sum());
        Assert.Equal(500, _handler.Runs.Count);
        Assert.All(_handler.Runs.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, await hosts[0].Store.CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_jobs_of_a_host_killed_mid_run_are_taken_over_after_the_lease()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var survivors = new[] { CreateHost(database, "host-a"), CreateHost(database, "host-c") };
        var doomed = CreateHost(database, "host-b");
        for (var i = 0; i < 300; i++)
        {
            await doomed.Store.ScheduleAsync(CountingHandler.JobKind, $"job-{i}", $"{i}", Due, CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));

        // Host B claims a batch and is killed before running or completing any of it.
        var orphaned = await doomed.Store.ClaimDueAsync(_clock.GetUtcNow(), 80, doomed.Dispatcher.InstanceId, Lease, CancellationToken.None);
        Assert.Equal(80, orphaned.Count);

        await RunAllAsync(survivors);
        Assert.Equal(220, _handler.Runs.Count);

        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await RunAllAsync(survivors)).Sum());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(80, (await RunAllAsync(survivors)).Sum());

        Assert.Equal(300, _handler.Runs.Count);
        Assert.All(_handler.Runs.Values, count => Assert.Equal(1, count));
        Assert.All(orphaned, job => Assert.Equal(2, _handler.Attempts[job.Key]));
        Assert.Equal(0, await doomed.Store.CountAsync(CancellationToken.None));
    }

    private static Task<int[]> RunAllAsync(IEnumerable<Host> hosts) =>
        Task.WhenAll(hosts.Select(h => Task.Run(() => h.Dispatcher.RunDueJobsOnceAsync(CancellationToken.None))));

    /// <summary>A separate "process": its own connection factory (its own pool), store and dispatcher.</summary>
    private Host CreateHost(TestDatabase database, string owner)
    {
        var connections = database.Connections is SqliteConnectionFactory sqlite
            ? new SqliteConnectionFactory(sqlite.FilePath)
            : database.Connections; // Npgsql pools per data source; the shared factory still hands out separate connections.
        var store = new SqlDueJobStore(connections, _clock);
        var options = Options.Create(new SchedulingOptions { InstanceId = owner, LeaseDuration = Lease, BatchSize = 25 });
        return new Host(store, new DueJobDispatcher(store, [_handler], options, _clock, NullLogger<DueJobDispatcher>.Instance));
    }

    private sealed record Host(SqlDueJobStore Store, DueJobDispatcher Dispatcher);

    private sealed class CountingHandler : IDueJobHandler
    {
        public const string JobKind = "test.count";

        public ConcurrentDictionary<string, int> Runs { get; } = new();

        public ConcurrentDictionary<string, int> Attempts { get; } = new();

        public string Kind => JobKind;

        public async Task<DueJobResult> HandleAsync(DueJob job, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await Task.Yield(); // let the hosts interleave as real posts would
            Runs.AddOrUpdate(job.Key, 1, (_, count) => count + 1);
            Attempts[job.Key] = job.Attempt;
            return DueJobResult.Done;
        }
    }
}

public sealed class SqliteDueJobMultiInstanceTests() : DueJobMultiInstanceTests(SqlDialect.Sqlite);

public sealed class PostgresDueJobMultiInstanceTests() : DueJobMultiInstanceTests(SqlDialect.Postgres);
