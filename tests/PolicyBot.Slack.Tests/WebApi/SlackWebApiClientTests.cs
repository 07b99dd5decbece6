using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.BlockKit;
using PolicyBot.Slack.Tests.Infrastructure;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack.Tests.WebApi;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private LoopbackSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await LoopbackSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static SlackMessage Message(string text) => BlockKitRenderer.Render(new Reply(text));

    [Fact]
    public async Task Auth_test_runs_at_start_with_the_bot_token_and_learns_the_bots_id()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);

        var call = await _slack.NextCallAsync("auth.test");
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", call.Authorization);
        Assert.Equal("UBOT", bot.Services.GetRequiredService<SlackBotIdentity>().Current?.UserId);
    }

    [Fact]
    public async Task An_answer_with_ok_false_throws_with_slacks_error_code()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);
        _slack.Script("chat.postMessage", new ScriptedAnswer(200, """{"ok":false,"error":"channel_not_found"}"""));

        var api = bot.Services.GetRequiredService<SlackWebApiClient>();
        var error = await Assert.ThrowsAsync<SlackApiException>(() => api.PostMessageAsync("C404", null, Message("hi"), CancellationToken.None));

        Assert.Equal(("chat.postMessage", "channel_not_found"), (error.Method, error.Error));
        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackBotHost.BotToken, call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_out_retry_after_for_that_method_only()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);
        _slack.Script("chat.postMessage", new ScriptedAnswer(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 30));
        var api = bot.Services.GetRequiredService<SlackWebApiClient>();

        var posting = api.PostMessageAsync("C1", null, Message("hello"), CancellationToken.None);
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));

        // Another method is not held back by chat.postMessage's limit.
        await api.PostEphemeralAsync("C1", "U1", null, Message("psst"), CancellationToken.None).Bounded();
        bot.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(posting.IsCompleted);
        Assert.Single(_slack.CallsTo("chat.postMessage"));

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.StartsWith("1700000000.", await posting.Bounded(), StringComparison.Ordinal);
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count());
    }

    [Fact]
    public async Task Posts_to_one_channel_go_out_in_order_one_per_second_while_other_channels_do_not_wait()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack, new Dictionary<string, string?> { ["ChannelMessageIntervalMilliseconds"] = "1000" });
        var api = bot.Services.GetRequiredService<SlackWebApiClient>();

        var one = api.PostMessageAsync("C1", null, Message("one"), CancellationToken.None);
        var two = api.PostMessageAsync("C1", null, Message("two"), CancellationToken.None);
        var three = api.PostMessageAsync("C1", null, Message("three"), CancellationToken.None);
        await api.PostMessageAsync("C2", null, Message("elsewhere"), CancellationToken.None).Bounded();
        await one.Bounded();

        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.False(two.IsCompleted);
        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await two.Bounded();
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.False(three.IsCompleted);
        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await three.Bounded();

        var texts = _slack.CallsTo("chat.postMessage")
            .Select(c => JsonDocument.Parse(c.Body).RootElement)
            .Where(m => m.GetProperty("channel").GetString() == "C1")
            .Select(m => m.GetProperty("text").GetString());
        Assert.Equal(["one", "two", "three"], texts);
    }

    [Fact]
    public async Task The_platform_edits_a_card_with_chat_update()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);
        var platform = bot.Services.GetServices<IChatPlatform>().Single(p => p.Name == Platforms.Slack);

        await platform.UpdateAsync(new MessageRef(new ConversationRef(Platforms.Slack, "C1"), "1700000000.000001"),
            new Reply("**3** votes") { Title = "Lunch?" }, CancellationToken.None);

        var update = JsonDocument.Parse((await _slack.NextCallAsync("chat.update")).Body).RootElement;
        Assert.Equal("C1", update.GetProperty("channel").GetString());
        Assert.Equal("1700000000.000001", update.GetProperty("ts").GetString());
        Assert.Equal("*3* votes", update.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString());
    }
}
