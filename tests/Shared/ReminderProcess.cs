using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Reminders;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Reminders;
using PolicyBot.Storage.Scheduling;

namespace PolicyBot.Tests.Shared;

/// <summary>
/// One bot process as far as a crash matters: its own clock (a dead process's clock stands still), database connections
/// that can die (<see cref="InterruptibleConnections"/>), and the chat platform it posts through. The reminder feature
/// is wired by hand on a real SQLite file.
/// </summary>
public sealed class ReminderProcess
{
    public ReminderProcess(InterruptibleConnections connections, FakeTimeProvider clock, IChatPlatform platform, string name)
    {
        Connections = connections;
        Clock = clock;
        Jobs = new SqlDueJobStore(connections, clock);
        Reminders = new SqlReminderStore(connections);
        var options = Options.Create(new RemindersOptions());
        Service = new ReminderService(Reminders, new SqlUserTimeZoneStore(connections, clock), Jobs, options, clock);
        var poster = new ScheduledPoster(Jobs, new ChatPlatformRegistry([platform]), NullLogger<ScheduledPoster>.Instance);
        Dispatcher = new DueJobDispatcher(
            Jobs,
            [new ReminderFireHandler(Reminders, poster, options, CommandSyntax.Default(), NullLogger<ReminderFireHandler>.Instance)],
            Options.Create(new SchedulingOptions { InstanceId = name }),
            clock,
            NullLogger<DueJobDispatcher>.Instance);
    }

    public InterruptibleConnections Connections { get; }

    public FakeTimeProvider Clock { get; }

    public SqlDueJobStore Jobs { get; }

    public SqlReminderStore Reminders { get; }

    public ReminderService Service { get; }

    public DueJobDispatcher Dispatcher { get; }

    /// <summary>A fresh, migrated SQLite file in <paramref name="folder"/>.</summary>
    public static async Task<string> NewDatabaseAsync(ScratchFolder folder)
    {
        var path = folder.Combine("policybot.db");
        var factory = new SqliteConnectionFactory(path);
        await factory.InitializeAsync(CancellationToken.None);
        await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        return path;
    }

    public async Task<Reminder> RemindAsync(string arguments, Sender owner, ConversationRef conversation)
    {
        var invocation = new CommandInvocation("remind", arguments, owner, conversation, Guid.NewGuid().ToString("N"));
        var created = await Service.CreateAsync(invocation, CancellationToken.None);
        return created.Succeeded ? created.Value : throw new InvalidOperationException(created.Error);
    }

    public Task<int> RunDueAsync() => Dispatcher.RunDueJobsOnceAsync(CancellationToken.None);
}

/// <summary>Where a crash test kills the first process, in the order a scheduled post goes.</summary>
public enum KillPoint
{
    /// <summary>The job is claimed; reading the reminder kills the process.</summary>
    AfterClaim,

    /// <summary>The platform stored the message; the process dies and the connection drops before the answer.</summary>
    DuringPost,

    /// <summary>The platform answered; the process dies before it records the post.</summary>
    BeforeRecordingPost,

    /// <summary>The post is recorded; the process dies before it deletes or moves the reminder.</summary>
    AfterRecordingPost,

    /// <summary>Everything but the job's completion is done.</summary>
    BeforeCompletion,

    /// <summary>The job is complete; the process dies afterwards (nothing should happen again).</summary>
    AfterCompletion,
}

/// <summary>A platform's fake (on the wire) as the crash test needs it, whichever platform it is.</summary>
public interface ICrashTestPlatform
{
    /// <summary>The adapter of one process; its HTTP calls fail once <paramref name="life"/> has died.</summary>
    Task<(IChatPlatform Platform, IAsyncDisposable Process)> StartProcessAsync(FakeTimeProvider clock, InterruptibleConnections life);

    /// <summary>Runs on the platform's side right after it stored the next post; true drops the connection instead of answering.</summary>
    void AfterNextPost(Func<bool> hook);

    /// <summary>The messages in a channel whose text contains <paramref name="text"/>.</summary>
    int CountPosts(string channelId, string text);
}

/// <summary>
/// The crash test: a reminder comes due, the process posting it is killed at <see cref="KillPoint"/>, and a new process
/// started after the dead one's lease takes over. Exactly one post must appear, and the reminder must end (or, when
/// recurring, wait for its next day) as if nothing had happened.
/// </summary>
public static class ScheduledPostCrash
{
    private static readonly DateTimeOffset FirstStart = DateTimeOffset.Parse("2026-03-25T10:00:00Z", CultureInfo.InvariantCulture);

    public static (KillPoint KillPoint, bool Recurring) Scenario(int run) =>
        ((KillPoint)(run % Enum.GetValues<KillPoint>().Length), run / Enum.GetValues<KillPoint>().Length % 2 == 1);

    public static async Task RunAsync(int run, ICrashTestPlatform platform, ConversationRef channel, Sender owner)
    {
        var (killPoint, recurring) = Scenario(run);
        var text = $"crash-run-{run}";
        var start = FirstStart.AddHours(run); // each run its own hour, as each would be in one long life
        using var folder = new ScratchFolder(beforeDelete: SqliteConnection.ClearAllPools);
        var database = await ReminderProcess.NewDatabaseAsync(folder);

        var dying = new InterruptibleConnections(new SqliteConnectionFactory(database));
        var dyingClock = new FakeTimeProvider(start);
        var (dyingPlatform, dyingProcess) = await platform.StartProcessAsync(dyingClock, dying);
        var first = new ReminderProcess(dying, dyingClock, dyingPlatform, "first");
        var arguments = recurring ? string.Create(CultureInfo.InvariantCulture, $"every day {start.AddMinutes(1):HH:mm} UTC {text}") : $"in 1m {text}";
        await first.RemindAsync(arguments, owner, channel);
        dyingClock.Advance(TimeSpan.FromMinutes(1));
        switch (killPoint)
        {
            case KillPoint.AfterClaim:
                dying.Arm(1);
                break;
            case KillPoint.DuringPost:
                platform.AfterNextPost(() =>
                {
                    dying.KillNow();
                    return true;
                });
                break;
            default:
                platform.AfterNextPost(() =>
                {
                    dying.Arm(killPoint - KillPoint.BeforeRecordingPost);
                    return false;
                });
                break;
        }

        // A killed process never finishes its run (its clock stands still); one that outlived the kill point does.
        var running = first.RunDueAsync();
        await Task.WhenAny(running, dying.Death);
        dying.KillNow();

        var survivor = new InterruptibleConnections(new SqliteConnectionFactory(database));
        var clock = new FakeTimeProvider(start.AddMinutes(3)); // past the dead process's one-minute lease
        var (survivorPlatform, survivorProcess) = await platform.StartProcessAsync(clock, survivor);
        var next = new ReminderProcess(survivor, clock, survivorPlatform, "next");
        await next.RunDueAsync();
        await next.RunDueAsync();

        var posts = platform.CountPosts(channel.ChannelId, text);
        var nextDue = await next.Jobs.NextDueAtAsync(CancellationToken.None);
        await survivorProcess.DisposeAsync();
        await dyingProcess.DisposeAsync();
        Assert.True(posts == 1, $"Run {run} (killed {killPoint}, {(recurring ? "recurring" : "once")}): {posts} posts.");
        Assert.Equal(recurring ? start.AddDays(1).AddMinutes(1) : null, nextDue);
    }
}
