using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Reminders;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Reminders;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Reminders;

public abstract class ReminderStoreContractTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-25T10:00:00Z", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Reminders_round_trip_count_list_move_and_delete()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlReminderStore(database.Connections);
        var general = new ConversationRef("discord", "c1", "t1");
        var id = await store.AddAsync(new Reminder(0, "u1", "Ann", general, "text", Now.AddHours(1), "Europe/Berlin", "0 9 * * *", Now), CancellationToken.None);
        await store.AddAsync(new Reminder(0, "u2", "Bo", general, "bo's", Now.AddMinutes(5), "UTC", null, Now), CancellationToken.None);
        await store.AddAsync(new Reminder(0, "u2", "Bo", new ConversationRef("discord", "c2"), "bo elsewhere", Now, "UTC", null, Now), CancellationToken.None);

        var loaded = await store.GetAsync(id, CancellationToken.None);
        Assert.Equal(new Reminder(id, "u1", "Ann", general, "text", Now.AddHours(1), "Europe/Berlin", "0 9 * * *", Now), loaded);
        Assert.Equal(2, await store.CountForOwnerAsync("discord", "u2", CancellationToken.None));
        Assert.Equal(0, await store.CountForOwnerAsync("slack", "u2", CancellationToken.None));
        Assert.Equal(["bo's", "text"], (await store.ListAsync("discord", "u1", "c1", 10, CancellationToken.None)).Select(r => r.Text));

        Assert.False(await store.MoveAsync(id, Now, Now.AddDays(1), CancellationToken.None)); // not due at that time
        Assert.True(await store.MoveAsync(id, Now.AddHours(1), Now.AddDays(1), CancellationToken.None));
        Assert.Equal(Now.AddDays(1), (await store.GetAsync(id, CancellationToken.None))!.DueAt);

        Assert.True(await store.DeleteAsync(id, CancellationToken.None));
        Assert.False(await store.DeleteAsync(id, CancellationToken.None));
        Assert.Null(await store.GetAsync(id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_users_time_zone_is_stored_and_replaced()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlUserTimeZoneStore(database.Connections, new FakeTimeProvider(Now));

        Assert.Null(await store.GetAsync("slack", "u1", CancellationToken.None));
        await store.SetAsync("slack", "u1", "Asia/Seoul", CancellationToken.None);
        await store.SetAsync("slack", "u1", "Europe/Berlin", CancellationToken.None);

        Assert.Equal("Europe/Berlin", await store.GetAsync("slack", "u1", CancellationToken.None));
        Assert.Null(await store.GetAsync("discord", "u1", CancellationToken.None));
    }
}

public sealed class SqliteReminderStoreTests() : ReminderStoreContractTests(SqlDialect.Sqlite);

public sealed class PostgresReminderStoreTests() : ReminderStoreContractTests(SqlDialect.Postgres);
