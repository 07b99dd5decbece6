using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Retention;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Commands;

/// <summary>The same contract on both databases: a delivery id is accepted once, then refused, even under concurrency.</summary>
public abstract class DeliveryLogContractTests(SqlDialect dialect)
{
    [SkippableFact]
    public async Task A_delivery_id_is_recorded_once()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var log = new SqlDeliveryLog(database.Connections, new FakeTimeProvider());

        Assert.True(await log.TryRecordAsync("evt-1", CancellationToken.None));
        Assert.False(await log.TryRecordAsync("evt-1", CancellationToken.None));
        Assert.True(await log.TryRecordAsync("evt-2", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_lookup_records_nothing_and_sees_an_id_recorded_by_another_instance()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var log = new SqlDeliveryLog(database.Connections, new FakeTimeProvider());
        var other = new SqlDeliveryLog(database.ConnectAsAnotherInstance(), new FakeTimeProvider());

        Assert.False(await log.HasSeenAsync("evt-1", CancellationToken.None));
        Assert.False(await log.HasSeenAsync("evt-1", CancellationToken.None));
        Assert.True(await other.TryRecordAsync("evt-1", CancellationToken.None));
        Assert.True(await log.HasSeenAsync("evt-1", CancellationToken.None));
        Assert.False(await log.HasSeenAsync("evt-2", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Concurrent_repeats_of_one_delivery_are_accepted_exactly_once()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var log = new SqlDeliveryLog(database.Connections, new FakeTimeProvider());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => log.TryRecordAsync("evt-same", CancellationToken.None))));

        Assert.Equal(1, results.Count(accepted => accepted));
    }

    [SkippableFact]
    public async Task Two_instances_on_one_database_accept_each_delivery_once_between_them()
    {
        // Slack HTTP behind a load balancer: a retry of an event may land on the other instance while the first still works on it.
        await using var database = await TestDatabases.CreateAsync(dialect);
        var first = new SqlDeliveryLog(database.Connections, new FakeTimeProvider());
        var second = new SqlDeliveryLog(database.ConnectAsAnotherInstance(), new FakeTimeProvider());
        var deliveries = Enumerable.Range(0, 50).Select(i => $"Ev{i}").ToArray();

        var attempts = deliveries.SelectMany(id => new[] { (Log: first, Id: id), (Log: second, Id: id), (Log: second, Id: id) })
            .Select(attempt => Task.Run(async () => (attempt.Id, Accepted: await attempt.Log.TryRecordAsync(attempt.Id, CancellationToken.None))));
        var results = await Task.WhenAll(attempts);

        Assert.All(results.GroupBy(r => r.Id), group => Assert.Equal(1, group.Count(r => r.Accepted)));
        Assert.False(await first.TryRecordAsync("Ev0", CancellationToken.None));
        Assert.True(await second.TryRecordAsync("Ev-new", CancellationToken.None));
        Assert.False(await first.TryRecordAsync("Ev-new", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Pruning_forgets_only_old_ids()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var log = new SqlDeliveryLog(database.Connections, clock);
        await log.TryRecordAsync("old", CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        await log.TryRecordAsync("new", CancellationToken.None);

        var sweep = new RetentionSweep(database.Connections, Options.Create(new RetentionOptions { DeliveryIds = TimeSpan.FromDays(1) }), clock);

        Assert.Equal(1, await sweep.PruneDeliveryIdsAsync(CancellationToken.None));
        Assert.True(await log.TryRecordAsync("old", CancellationToken.None));
        Assert.False(await log.TryRecordAsync("new", CancellationToken.None));
    }
}

public sealed class SqliteDeliveryLogTests() : DeliveryLogContractTests(SqlDialect.Sqlite);

public sealed class PostgresDeliveryLogTests() : DeliveryLogContractTests(SqlDialect.Postgres);
