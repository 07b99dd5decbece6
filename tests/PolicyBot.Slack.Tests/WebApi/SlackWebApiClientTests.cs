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
    public async Task A_retried_post_is_found_by_its_metadata_in_the_channel_history_and_not_posted_again()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);
        var platform = bot.Services.GetRequiredService<SlackPlatform>();
        var channel = new ConversationRef(Platforms.Slack, "C1");
        var thread = channel with { ThreadId = "1700000000.000050" };
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        await platform.PostAsync(channel, new Reply("chatter"), CancellationToken.None);

        var first = await platform.PostOnceAsync(channel, new Reply("the countdown"), new PostOnce("key-1", notBefore, MayAlreadyExist: false), CancellationToken.None);
        var retry = await platform.PostOnceAsync(channel, new Reply("the countdown"), new PostOnce("key-1", notBefore, MayAlreadyExist: true), CancellationToken.None);
        var other = await platform.PostOnceAsync(channel, new Reply("the next one"), new PostOnce("key-2", notBefore, MayAlreadyExist: true), CancellationToken.None);
        var inThread = await platform.PostOnceAsync(thread, new Reply("threaded"), new PostOnce("key-3", notBefore, MayAlreadyExist: false), CancellationToken.None);
        var threadRetry = await platform.PostOnceAsync(thread, new Reply("threaded"), new PostOnce("key-3", notBefore, MayAlreadyExist: true), CancellationToken.None);

        Assert.Equal(first, retry);
        Assert.NotEqual(first, other);
        Assert.Equal(inThread, threadRetry);
        Assert.Equal(["chatter", "the countdown", "the next one", "threaded"], _slack.Messages.Select(m => m.Text));
        Assert.Single(_slack.CallsTo("conversations.replies"));
        var metadata = JsonDocument.Parse(_slack.CallsTo("chat.postMessage").ElementAt(1).Body).RootElement.GetProperty("metadata");
        Assert.Equal("""{"event_type":"policybot_scheduled_post","event_payload":{"post_key":"key-1"}}""", metadata.GetRawText());
    }

    [Fact]
    public async Task An_answer_larger_than_the_bound_is_refused_not_read_into_memory()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);
        _slack.Script("conversations.history", new ScriptedAnswer(200, $$"""{"ok":true,"messages":[],"padding":"{{new string('x', 9 * 1024 * 1024)}}"}"""));
        var api = bot.Services.GetRequiredService<SlackWebApiClient>();

        await Assert.ThrowsAsync<HttpRequestException>(() => api.FindPostAsync("C1", null, "key", DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    [Fact]
    public async Task Without_access_to_the_history_a_retried_post_is_posted_rather_than_lost()
    {
        await using var bot = await SlackBotHost.StartAsync(_slack);
        _slack.Script("conversations.history", new ScriptedAnswer(200, """{"ok":false,"error":"missing_scope"}"""));
        var platform = bot.Services.GetRequiredService<SlackPlatform>();

        await platform.PostOnceAsync(new ConversationRef(Platforms.Slack, "C1"), new Reply("the countdown"),
            new PostOnce("key-1", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), MayAlreadyExist: true), CancellationToken.None);

        Assert.Equal("the countdown", Assert.Single(_slack.Messages).Text);
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
        await using var bot = await SlackBotHost.StartAsync(_slack, new Dictionary<string, string?> { ["ChannelMessageInterval"] = "00:00:01" });
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
