using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;
using PolicyBot.Tests.ConsoleAdapter;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Scheduling;

/// <summary>A personal reminder set on the console fires once, on the fake clock, through the real host.</summary>
[Collection(HostCollection.Name)]
public sealed class ReminderFiringThroughHostTests : IDisposable
{
    private readonly ScratchFolder _folder = new(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);

    [Fact]
    public async Task A_reminder_fires_once_when_due_and_not_before()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        using var console = new ScriptedConsole();
        using var host = BotHost.Build(
            [$"--Storage:ConnectionString={_folder.Combine("bot.db")}"],
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton(new ConsoleIo(console.Input, console.Output));
            });
        var dispatcher = new DispatcherPasses(host);
        await host.StartAsync();

        console.Type("alice> !remind in 30s stretch your legs");
        await console.WaitForAsync("I'll remind you");

        // Asleep before each move (else it might arm its wake-up after the move and sleep through it); then the pass the
        // move starts has run every job due by then, so a reminder due early, or due again, would have posted by now.
        await dispatcher.AsleepAfterPassFromAsync(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.AsleepAfterPassFromAsync(clock.GetUtcNow());
        console.Type("!reminders");
        await console.WaitForAsync("#1");
        Assert.DoesNotContain("⏰", console.Text, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(2));
        await console.WaitForAsync("⏰ Reminder for **alice**: stretch your legs");
        await dispatcher.AsleepAfterPassFromAsync(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.AsleepAfterPassFromAsync(clock.GetUtcNow());
        console.Type("!help remind");
        await console.WaitForAsync("Usage: `!remind");
        console.EndInput();
        await host.WaitForShutdownAsync();

        Assert.Single(console.Text.Split('\n'), line => line.StartsWith("⏰", StringComparison.Ordinal));
        Assert.DoesNotContain("late by", console.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
