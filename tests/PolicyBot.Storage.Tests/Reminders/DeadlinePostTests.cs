using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Reminders;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Tests.Infrastructure;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Storage.Tests.Reminders;

/// <summary>
/// Deadline countdown posts materialised by two instances at start-up on one database: each post goes out once per
/// channel (offsets, cron, then one "passed" post), and nothing after that.
/// </summary>
public abstract class DeadlinePostTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Start = At("2026-03-25T10:00:00Z");

    private readonly FakeTimeProvider _clock = new(Start);

    [SkippableFact]
    public async Task Two_instances_post_every_countdown_once_then_one_passed_post_then_nothing()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var platform = new RecordingPlatform(_clock);
        var options = Options(new DeadlineOptions
        {
            Name = "Budget vote",
            Due = "2026-04-10T18:00",
            TimeZone = "Europe/Berlin",
            Channels = [new() { Platform = "console", ChannelId = "general" }, new() { Platform = "console", ChannelId = "news" }],
            Cron = "0 9 * * 1", // Mondays 09:00: 30 March and 6 April
            Offsets = ["7d", "1d"],
        });
        var first = new ReminderHost(database.Connections, _clock, options, platform, "instance-1");
        var second = new ReminderHost(database.Connections, _clock, options, platform, "instance-2");

        var created = await Task.WhenAll(
            first.DeadlineScheduler.MaterializeAsync(CancellationToken.None),
            second.DeadlineScheduler.MaterializeAsync(CancellationToken.None));
        Assert.Equal(2 * (2 + 1 + 1), created.Sum()); // per channel: two offsets, the next cron post, the passed post

        while (await first.Jobs.NextDueAtAsync(CancellationToken.None) is { } next)
        {
            _clock.AdvanceTo(next);
            await Task.WhenAll(first.RunDueAsync(), second.RunDueAsync());

            // A restart in the middle materialises nothing new.
            Assert.Equal(0, await second.DeadlineScheduler.MaterializeAsync(CancellationToken.None));
        }

        _clock.Advance(TimeSpan.FromDays(30));
        await Task.WhenAll(first.RunDueAsync(), second.RunDueAsync());

        var general = platform.Posts.Where(p => p.Conversation.ChannelId == "general").Select(p => p.Reply.Text).ToArray();
        Assert.Equal(
            [
                "11 days until Budget vote, Fri 10 Apr, 18:00 CEST",   // Monday 30 March 09:00
                "7 days until Budget vote, Fri 10 Apr, 18:00 CEST",    // offset 7d
                "4 days until Budget vote, Fri 10 Apr, 18:00 CEST",    // Monday 6 April 09:00
                "1 day until Budget vote, Fri 10 Apr, 18:00 CEST",     // offset 1d
                "Budget vote has passed (Fri 10 Apr, 18:00 CEST).",
            ],
            general);
        Assert.Equal(5, platform.Posts.Count(p => p.Conversation.ChannelId == "news"));
        Assert.All(platform.Posts, p => Assert.Equal(MentionPolicy.None, p.Reply.Mentions));
        Assert.Equal(0, await first.Jobs.CountAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_cron_post_whose_process_died_after_recording_it_is_not_posted_again_and_the_next_one_is_scheduled()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var platform = new RecordingPlatform(_clock);
        var options = Options(new DeadlineOptions
        {
            Name = "Budget vote",
            Due = "2026-04-10T18:00",
            TimeZone = "Europe/Berlin",
            Channels = [new() { Platform = "console", ChannelId = "general" }],
            Cron = "0 9 * * 1",
        });
        var dying = new InterruptibleConnections(database.Connections);
        var first = new ReminderHost(dying, _clock, options, platform, "dying");
        await first.DeadlineScheduler.MaterializeAsync(CancellationToken.None);
        platform.AfterPost = () => dying.Arm(1); // the post is recorded; scheduling the next cron post fails

        _clock.AdvanceTo(At("2026-03-30T07:00:00Z")); // Monday 09:00 CEST
        await first.RunDueAsync();
        platform.AfterPost = null;
        _clock.Advance(TimeSpan.FromMinutes(2));
        var next = new ReminderHost(database.ConnectAsAnotherInstance(), _clock, options, platform, "next");
        await next.RunDueAsync();

        Assert.True(dying.Died);
        Assert.Equal("11 days until Budget vote, Fri 10 Apr, 18:00 CEST", Assert.Single(platform.Posts).Reply.Text);
        Assert.Equal(At("2026-04-06T07:00:00Z"), await next.Jobs.NextDueAtAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Only_an_admin_configured_deadline_pings_everyone()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var platform = new RecordingPlatform(_clock);
        var options = Options(
            new DeadlineOptions { Name = "Loud", Due = "2026-03-26T12:00", TimeZone = "UTC", Channels = [new() { Platform = "console", ChannelId = "general" }], MentionEveryone = true },
            new DeadlineOptions { Name = "Quiet @everyone", Due = "2026-03-26T12:00", TimeZone = "UTC", Channels = [new() { Platform = "console", ChannelId = "general" }] });
        var host = new ReminderHost(database.Connections, _clock, options, platform);
        await host.DeadlineScheduler.MaterializeAsync(CancellationToken.None);

        _clock.AdvanceTo(At("2026-03-26T12:00:00Z"));
        await host.RunDueAsync();

        var loud = Assert.Single(platform.Posts, p => p.Reply.Text.Contains("Loud", StringComparison.Ordinal)).Reply;
        var quiet = Assert.Single(platform.Posts, p => p.Reply.Text.Contains("Quiet", StringComparison.Ordinal)).Reply;
        Assert.Equal(MentionPolicy.Everyone, loud.Mentions);
        Assert.StartsWith("@everyone ", loud.Text, StringComparison.Ordinal);
        Assert.Equal(MentionPolicy.None, quiet.Mentions);
        Assert.DoesNotContain("@everyone", quiet.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_seed_deadline_is_in_the_past_schedules_nothing_and_the_command_says_how_long_ago()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var options = Options(
            new DeadlineOptions { Name = "Pyongyang's year-end deadline", Due = "2019-12-31T23:59", TimeZone = "Asia/Pyongyang", Cron = "0 9 * * *", Offsets = ["7d", "1d", "1h"], Channels = [new() { Platform = "console", ChannelId = "general" }] },
            new DeadlineOptions { Name = "Budget vote", Due = "2026-04-06T18:00", TimeZone = "Europe/Berlin" });
        var host = new ReminderHost(database.Connections, _clock, options, new RecordingPlatform(_clock));

        Assert.Equal(0, await host.DeadlineScheduler.MaterializeAsync(CancellationToken.None));
        var reply = await ReminderHost.RunAsync(host.Deadline, "");

        Assert.Equal(
            "• 12 days until Budget vote, Mon 6 Apr, 18:00 CEST\n• Pyongyang's year-end deadline passed 6 years ago (Tue 31 Dec 2019, 23:59 KST)",
            reply.Text.ReplaceLineEndings("\n"));
    }

    private static RemindersOptions Options(params DeadlineOptions[] deadlines) => new() { Deadlines = [.. deadlines] };

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}

public sealed class SqliteDeadlinePostTests() : DeadlinePostTests(SqlDialect.Sqlite);

public sealed class PostgresDeadlinePostTests() : DeadlinePostTests(SqlDialect.Postgres);
