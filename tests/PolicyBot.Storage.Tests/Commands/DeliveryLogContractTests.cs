using Microsoft.Extensions.Time.Testing;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Infrastructure;
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

        Assert.Equal(1, await log.PruneAsync(TimeSpan.FromDays(1), CancellationToken.None));
        Assert.True(await log.TryRecordAsync("old", CancellationToken.None));
        Assert.False(await log.TryRecordAsync("new", CancellationToken.None));
    }
}

public sealed class DeliveryLogPrunerTests
{
    [Fact]
    public async Task The_pruner_forgets_day_old_ids_every_hour_on_the_clock()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var log = new SqlDeliveryLog(database.Connections, clock);
        await log.TryRecordAsync("old", CancellationToken.None);
        using var pruner = new DeliveryLogPruner(log, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeliveryLogPruner>.Instance);
        await pruner.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(1));
        var forgotten = false;
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (!forgotten && DateTime.UtcNow < giveUp)
        {
            // ExecuteAsync starts on another thread, so its timer may begin after the first advance: keep the clock
            // moving an hour at a time and poll the prune's effect (database I/O on the timer's thread).
            clock.Advance(DeliveryLogPruner.Interval);
            await Task.Delay(20);
            forgotten = await log.TryRecordAsync("old", CancellationToken.None);
        }

        await pruner.StopAsync(CancellationToken.None);
        Assert.True(forgotten, "The day-old delivery id was not pruned after the hourly tick.");
    }
}

public sealed class SqliteDeliveryLogTests() : DeliveryLogContractTests(SqlDialect.Sqlite);

public sealed class PostgresDeliveryLogTests() : DeliveryLogContractTests(SqlDialect.Postgres);
