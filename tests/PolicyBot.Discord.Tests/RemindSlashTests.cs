using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Reminders;
using PolicyBot.Core.Reminders.Commands;
using PolicyBot.Core.Scheduling;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests;

/// <summary>
/// <c>/remind</c> through the gateway: the member's <c>when</c> and <c>text</c> options stay apart, so a message that
/// starts with time-like words is neither read as part of the time nor cut short.
/// </summary>
public sealed class RemindSlashTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero); // a Monday

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly ConcurrentQueue<Reminder> _stored = new();
    private LoopbackDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await LoopbackDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Theory]
    [InlineData("tomorrow", "noon lunch with the board", "2026-03-03T09:00:00+00:00")]
    [InlineData("fri", "17:00 is the deadline for the budget draft", "2026-03-06T09:00:00+00:00")]
    [InlineData("in 2 days", "3 hours before the vote, brief the team", "2026-03-04T10:00:00+00:00")]
    [InlineData("tomorrow 9am", "Europe/Berlin office: in 2 days the vote closes", "2026-03-03T09:00:00+00:00")]
    [InlineData("every monday 09:00", "Europe/Berlin sync: bring the agenda", "2026-03-09T09:00:00+00:00")]
    [InlineData("tomorrow at 9am", "at 10 the board meets", "2026-03-03T09:00:00+00:00")]
    [InlineData("fri at 5pm", "17:00 is the deadline for the budget draft", "2026-03-06T17:00:00+00:00")]
    public async Task A_message_starting_with_time_like_words_keeps_the_members_time_and_whole_text(string when, string text, string dueAt)
    {
        await using var host = await StartAsync();
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, Remind("r-1", when, text));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Contains("Okay, I'll remind you", Content(callback.Json));
        var reminder = Assert.Single(_stored);
        Assert.Equal((DateTimeOffset.Parse(dueAt, System.Globalization.CultureInfo.InvariantCulture), text), (reminder.DueAt, reminder.Text));
    }

    [Theory]
    [InlineData("tomorrow at the office")]
    [InlineData("soon")]
    public async Task A_when_option_that_is_not_only_a_time_is_refused_politely_naming_the_option(string when)
    {
        await using var host = await StartAsync();
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, Remind("r-2", when, "call Anna"));

        var callback = await _discord.NextRequestAsync(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
        var content = Content(callback.Json);
        Assert.Contains($"`{when}`", content);
        Assert.Contains("`when` option", content);
        Assert.Contains("`tomorrow 09:00`", content);
        Assert.DoesNotContain("/remind", content); // no typed-line examples: the slash form has its own boxes
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(_stored);
    }

    private async Task<DiscordTestHost> StartAsync() =>
        await DiscordTestHost.StartAsync(_discord, configure: services =>
        {
            // The adapter keeps the real clock; only the reminder feature reads the fake one.
            var store = new Mock<IReminderStore>();
            store.Setup(s => s.AddAsync(It.IsAny<Reminder>(), It.IsAny<CancellationToken>()))
                .Callback<Reminder, CancellationToken>((r, _) => _stored.Enqueue(r))
                .ReturnsAsync(() => _stored.Count);
            services.AddSingleton(sp => new ReminderService(store.Object, Mock.Of<IUserTimeZoneStore>(), Mock.Of<IDueJobStore>(),
                Options.Create(new RemindersOptions()), _clock, sp.GetRequiredService<CommandSyntax>()));
            services.AddSingleton<ICommandHandler>(sp => new RemindCommand(sp.GetRequiredService<ReminderService>(), sp.GetRequiredService<CommandSyntax>(), _clock));
        });

    private static object Remind(string id, string when, string text) => CommandFlowTests.SlashInteraction(id, "remind", options:
    [
        new { name = "when", type = 3, value = when },
        new { name = "text", type = 3, value = text },
    ]);

    private static string Content(JsonElement callback) => callback.GetProperty("data").GetProperty("content").GetString() ?? string.Empty;
}
