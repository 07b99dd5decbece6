using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;
using PolicyBot.Tests.ConsoleAdapter;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Scheduling;

/// <summary>
/// The due-job flow through the whole host: a poll closes by itself on the (fake) clock and posts its final result, at
/// its <c>--closes</c> time or, without one, after <c>Polls:DefaultOpenFor</c>; also when the bot was down at the
/// closing time and comes back later on the same database file.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PollAutoCloseTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly ScratchFolder _folder = new(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);

    [Fact]
    public async Task A_closing_poll_closes_itself_when_its_time_comes()
    {
        var clock = new FakeTimeProvider(Start);
        using var console = new ScriptedConsole();
        using var host = BuildHost(clock, console);
        var dispatcher = new DispatcherPasses(host);
        await host.StartAsync();

        console.Type("!poll Lift sanctions first? | yes | no --closes 2h");

        await VoteAndCloseOnTheClockAsync(host, dispatcher, clock, console, TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_poll_without_a_closing_time_closes_itself_after_the_default_open_time()
    {
        var clock = new FakeTimeProvider(Start);
        using var console = new ScriptedConsole();
        using var host = BuildHost(clock, console, "--Polls:DefaultOpenFor=1.00:00:00");
        var dispatcher = new DispatcherPasses(host);
        await host.StartAsync();

        console.Type("!poll Lift sanctions first? | yes | no");
        await console.WaitForAsync("closes 2026-12-02 10:00 UTC");

        await VoteAndCloseOnTheClockAsync(host, dispatcher, clock, console, TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task A_poll_that_came_due_while_the_bot_was_down_is_closed_once_after_the_restart()
    {
        using (var first = new ScriptedConsole())
        {
            using var host = BuildHost(new FakeTimeProvider(Start), first);
            await host.StartAsync();
            first.Type("!poll Is the deadline meaningful? | yes | no --closes 2h");
            first.Type("alice> !vote 1 no");
            await first.WaitForAsync("Your vote in poll #1 is recorded");
            first.EndInput();
            await host.WaitForShutdownAsync();
        }

        using var second = new ScriptedConsole();
        using (var host = BuildHost(new FakeTimeProvider(Start + TimeSpan.FromHours(3)), second))
        {
            await host.StartAsync();
            await second.WaitForAsync("Final results of poll #1");
            second.Type("bob> !vote 1 yes");
            await second.WaitForAsync("Poll #1 is closed");
            second.EndInput();
            await host.WaitForShutdownAsync();
        }

        Assert.Single(AllIndexesOf(second.Text, "Final results of poll #1"));
        Assert.Matches(@"no\s*\n`[█░]+` 1 ", second.Text);
    }

    /// <summary>Votes on poll #1, lets the clock pass its closing time, and checks it closed itself once and refuses a later vote.</summary>
    private static async Task VoteAndCloseOnTheClockAsync(IHost host, DispatcherPasses dispatcher, FakeTimeProvider clock, ScriptedConsole console, TimeSpan openFor)
    {
        console.Type("alice> !vote 1 yes");
        await console.WaitForAsync("Your vote in poll #1 is recorded");

        // Asleep first (else it might arm its wake-up after the move and sleep through it); then the pass the move starts
        // has run every job due a minute before closing, so a close job scheduled early would have posted by now.
        await dispatcher.AsleepAfterPassFromAsync(Start);
        clock.Advance(openFor - TimeSpan.FromMinutes(1));
        await dispatcher.AsleepAfterPassFromAsync(clock.GetUtcNow());
        Assert.DoesNotContain("Final results", console.Text, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await console.WaitForAsync("Final results of poll #1");

        console.Type("bob> !vote 1 no");
        await console.WaitForAsync("Poll #1 is closed");
        console.EndInput();
        await host.WaitForShutdownAsync();
        Assert.Single(AllIndexesOf(console.Text, "Final results of poll #1"));
    }

    private IHost BuildHost(FakeTimeProvider clock, ScriptedConsole console, params string[] settings) => BotHost.Build(
        [$"--Storage:ConnectionString={_folder.Combine("bot.db")}", $"--Console:AttachmentsPath={_folder.Combine("attachments")}", .. settings],
        services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(new ConsoleIo(console.Input, console.Output));
        });

    private static IEnumerable<int> AllIndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    public void Dispose() => _folder.Dispose();
}
