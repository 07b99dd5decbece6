using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Reminders;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Tests.Infrastructure;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Storage.Tests.Reminders;

/// <summary>
/// Reminders end to end on a real SQLite file with a fake clock: on time, exactly once, across restarts (a new host on
/// the same file), with the catch-up rule for downtime, across daylight saving, and without pings.
/// </summary>
public sealed class ReminderFiringTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = At("2026-03-25T10:00:00Z"); // Wed 11:00 in Berlin

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RemindersOptions _options = new() { DefaultTimeZone = "Europe/Berlin" };
    private readonly RecordingPlatform _platform;
    private TestDatabase _database = null!;

    public ReminderFiringTests() => _platform = new RecordingPlatform(_clock);

    private string DatabaseFile => ((SqliteConnectionFactory)_database.Connections).FilePath;

    public async Task InitializeAsync() => _database = await TestDatabases.CreateSqliteAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_reminder_fires_at_its_due_time_exactly_once()
    {
        var host = NewHost();
        var confirmation = await ReminderHost.RunAsync(host.Remind, "in 30s stretch your legs");
        Assert.False(confirmation.IsError, confirmation.Text);
        Assert.Contains("#1", confirmation.Text, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        await host.RunDueAsync();
        Assert.Empty(_platform.Posts);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await host.RunDueAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        await host.RunDueAsync();

        var post = Assert.Single(_platform.Posts);
        Assert.Equal(Start.AddSeconds(30), post.At);
        Assert.Equal("⏰ Reminder for **Alice**: stretch your legs", post.Reply.Text);
        Assert.Equal("u-alice", post.Reply.NotifyUserId);
        Assert.Equal(MentionPolicy.None, post.Reply.Mentions);
        Assert.Equal(ReminderHost.General, post.Conversation);
        Assert.Empty(await host.Service.ListAsync(Invocation(), 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, true, false)]      // back up right at the due time: posted, on time
    [InlineData(40, true, true)]      // down 40 minutes past it: posted once, marked late
    [InlineData(120, false, false)]   // down two hours past it (grace is 1 h): skipped
    public async Task After_a_restart_a_due_reminder_is_posted_once_late_marked_within_the_grace_or_skipped(int minutesLate, bool posted, bool markedLate)
    {
        await ReminderHost.RunAsync(NewHost().Remind, "in 10m check the oven");

        // "Stop" the process: drop its pooled connections; time passes; a new process opens the same file.
        SqliteConnection.ClearAllPools();
        _clock.Advance(TimeSpan.FromMinutes(10 + minutesLate));
        var restarted = NewHost(new SqliteConnectionFactory(DatabaseFile), "restarted");
        await restarted.RunDueAsync();
        await NewHost(new SqliteConnectionFactory(DatabaseFile), "restarted-again").RunDueAsync();

        Assert.Equal(posted ? 1 : 0, _platform.Posts.Count);
        if (posted)
        {
            Assert.Equal(markedLate, _platform.Posts[0].Reply.Text.Contains($"late by {minutesLate} minutes", StringComparison.Ordinal));

            // A retry is known by the line every attempt shares, not by the late line only it may have.
            var opening = Assert.Single(_platform.Onces).Opening;
            Assert.Equal(_platform.Posts[0].Reply.Text.Split('\n')[0], opening);
            Assert.EndsWith("check the oven", opening, StringComparison.Ordinal);
        }

        Assert.Equal(0, await restarted.Jobs.CountAsync(CancellationToken.None));
        Assert.Null(await restarted.Reminders.GetAsync(1, CancellationToken.None));
    }

    [Theory]
    [InlineData("in 10m check the oven", 1)]                          // posted and recorded; deleting the reminder fails
    [InlineData("in 10m check the oven", 2)]                          // ... completing the job fails
    [InlineData("every day 11:10 Europe/Berlin water the plants", 1)] // posted and recorded; moving to tomorrow fails
    [InlineData("every day 11:10 Europe/Berlin water the plants", 2)] // ... rescheduling the job fails
    public async Task A_process_killed_after_its_post_was_recorded_is_finished_by_the_next_without_posting_again(string reminder, int writesBeforeDeath)
    {
        var dying = new InterruptibleConnections(_database.Connections);
        await ReminderHost.RunAsync(NewHost(dying, "dying").Remind, reminder);
        _platform.AfterPost = () => dying.Arm(writesBeforeDeath);
        _clock.Advance(TimeSpan.FromMinutes(10));

        await NewHost(dying, "dying").RunDueAsync();
        _platform.AfterPost = null;
        _clock.Advance(TimeSpan.FromMinutes(2)); // past the lease of the dead process
        var next = NewHost(_database.ConnectAsAnotherInstance(), "next");
        await next.RunDueAsync();
        await next.RunDueAsync();

        Assert.True(dying.Died);
        Assert.Single(_platform.Posts);
        var left = await next.Reminders.GetAsync(1, CancellationToken.None);
        Assert.Equal(reminder.StartsWith("every", StringComparison.Ordinal) ? Start.AddDays(1).AddMinutes(10) : null, left?.DueAt);
        Assert.Equal(left?.DueAt, await next.Jobs.NextDueAtAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_recurring_reminder_missed_for_days_posts_its_latest_occurrence_once_and_moves_on()
    {
        await ReminderHost.RunAsync(NewHost().Remind, "every day 09:00 Europe/Berlin water the plants");
        SqliteConnection.ClearAllPools();

        // Down until Saturday 09:20 Berlin: Thursday's and Friday's are long gone, Saturday's is 20 minutes late.
        _clock.AdvanceTo(At("2026-03-28T08:20:00Z"));
        var restarted = NewHost(new SqliteConnectionFactory(DatabaseFile), "restarted");
        await restarted.RunDueAsync();
        await restarted.RunDueAsync();

        var post = Assert.Single(_platform.Posts);
        Assert.Contains("late by 20 minutes", post.Reply.Text, StringComparison.Ordinal);
        var reminder = await restarted.Reminders.GetAsync(1, CancellationToken.None);
        Assert.Equal(At("2026-03-29T07:00:00Z"), reminder!.DueAt); // Sunday 09:00, already summer time
        Assert.Equal(At("2026-03-29T07:00:00Z"), await restarted.Jobs.NextDueAtAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("2026-03-26T12:00:00Z")] // across the last Sunday of March
    [InlineData("2026-10-22T12:00:00Z")] // across the last Sunday of October
    public async Task Every_day_nine_oclock_berlin_fires_at_nine_local_across_daylight_saving(string start)
    {
        _clock.AdvanceTo(At(start));
        var host = NewHost();
        await ReminderHost.RunAsync(host.Remind, "every day 09:00 Europe/Berlin stand-up");

        for (var day = 0; day < 5; day++)
        {
            _clock.AdvanceTo((await host.Jobs.NextDueAtAsync(CancellationToken.None))!.Value);
            await host.RunDueAsync();
        }

        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(5, _platform.Posts.Count);
        Assert.All(_platform.Posts, p => Assert.Equal("09:00", TimeZoneInfo.ConvertTime(p.At, berlin).ToString("HH:mm", CultureInfo.InvariantCulture)));
        Assert.Equal(2, _platform.Posts.Select(p => p.At.UtcDateTime.Hour).Distinct().Count()); // 08:00 UTC and 07:00 UTC
        Assert.All(_platform.Posts, p => Assert.DoesNotContain("late", p.Reply.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_text_never_pings_everyone_here_or_roles()
    {
        var host = NewHost();
        await ReminderHost.RunAsync(host.Remind, "in 1m @everyone @here <@&123456> meeting now");
        _clock.Advance(TimeSpan.FromMinutes(1));

        await host.RunDueAsync();

        var reply = Assert.Single(_platform.Posts).Reply;
        Assert.Equal(MentionPolicy.None, reply.Mentions);
        Assert.DoesNotContain("@everyone", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123456>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_reminder_does_not_fire_and_only_its_owner_or_an_admin_may_cancel()
    {
        var host = NewHost();
        await ReminderHost.RunAsync(host.Remind, "in 5m first");
        await ReminderHost.RunAsync(host.Remind, "in 5m second");

        var refused = await ReminderHost.RunAsync(host.Cancel, "1", ReminderHost.Bob);
        var cancelled = await ReminderHost.RunAsync(host.Cancel, "#1");
        var byAdmin = await ReminderHost.RunAsync(host.Cancel, "2", ReminderHost.Admin);
        var missing = await ReminderHost.RunAsync(host.Cancel, "99");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await host.RunDueAsync();

        Assert.True(refused.IsError);
        Assert.Contains("only they or an admin", refused.Text, StringComparison.Ordinal);
        Assert.False(cancelled.IsError);
        Assert.False(byAdmin.IsError);
        Assert.Contains("no reminder #99", missing.Text, StringComparison.Ordinal);
        Assert.Empty(_platform.Posts);
    }

    [Fact]
    public async Task Limits_are_refused_with_the_limit_named()
    {
        _options.MaxActivePerUser = 2;
        var host = NewHost();
        await ReminderHost.RunAsync(host.Remind, "in 1h one");
        await ReminderHost.RunAsync(host.Remind, "in 2h two");

        var third = await ReminderHost.RunAsync(host.Remind, "in 3h three");
        var farAway = await ReminderHost.RunAsync(host.Remind, "2032-01-01T09:00 too far", ReminderHost.Bob);
        var tooOften = await ReminderHost.RunAsync(host.Remind, "every * * * * * spam", ReminderHost.Bob);
        var unreadable = await ReminderHost.RunAsync(host.Remind, "sometime soon please", ReminderHost.Bob);

        Assert.True(third.IsError);
        Assert.Contains("the limit is 2 per person", third.Text, StringComparison.Ordinal);
        Assert.Contains("at most 5 years ahead", farAway.Text, StringComparison.Ordinal);
        Assert.Contains("at most every 15 minutes", tooOften.Text, StringComparison.Ordinal);
        Assert.Contains("`!remind in 90m check the oven`", unreadable.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_mine_and_this_channels_and_the_time_zone_is_remembered()
    {
        var host = NewHost();
        var elsewhere = new ConversationRef("console", "random");
        var setZone = await ReminderHost.RunAsync(host.TimeZone, "Asia/Seoul");
        var badZone = await ReminderHost.RunAsync(host.TimeZone, "Asia/Seol");
        await ReminderHost.RunAsync(host.Remind, "tomorrow 09:00 mine in general");
        await ReminderHost.RunAsync(host.Remind, "in 1h mine elsewhere", conversation: elsewhere);
        await ReminderHost.RunAsync(host.Remind, "in 2h bob here", ReminderHost.Bob);
        await ReminderHost.RunAsync(host.Remind, "in 3h bob elsewhere", ReminderHost.Bob, elsewhere);

        var list = await ReminderHost.RunAsync(host.List, "");

        Assert.Contains("Asia/Seoul", setZone.Text, StringComparison.Ordinal);
        Assert.Contains("Did you mean `Asia/Seoul`", badZone.Text, StringComparison.Ordinal);
        Assert.Equal(At("2026-03-26T00:00:00Z"), (await host.Reminders.GetAsync(1, CancellationToken.None))!.DueAt); // 09:00 KST
        Assert.Contains("mine in general", list.Text, StringComparison.Ordinal);
        Assert.Contains("mine elsewhere", list.Text, StringComparison.Ordinal);
        Assert.Contains("bob here", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob elsewhere", list.Text, StringComparison.Ordinal);
        Assert.Contains("KST", list.Text, StringComparison.Ordinal);
    }

    private ReminderHost NewHost(IDbConnectionFactory? connections = null, string instance = "host") =>
        new(connections ?? _database.Connections, _clock, _options, _platform, instance);

    private static CommandInvocation Invocation() => new("reminders", "", ReminderHost.Alice, ReminderHost.General, "d");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}

internal static class FakeTimeProviderExtensions
{
    public static void AdvanceTo(this FakeTimeProvider clock, DateTimeOffset instant)
    {
        if (instant > clock.GetUtcNow())
        {
            clock.SetUtcNow(instant);
        }
    }
}
