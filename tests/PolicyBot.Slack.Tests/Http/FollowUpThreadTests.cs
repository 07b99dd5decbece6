using System.Text.Json;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests.Http;

/// <summary>
/// Follow-ups through the Events API with the real <c>ask</c>: a mention in the answer's thread (thread_ts) is read with
/// it, another member's is not (the time window is off here); a slow answer shows "Thinking…" in the thread, edited into
/// the answer with chat.update; a slow slash command is acknowledged with a private "Thinking…".
/// </summary>
public sealed class FollowUpThreadTests : IAsyncLifetime
{
    private LoopbackSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await LoopbackSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack, realAsk: true);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_mention_in_the_answers_thread_is_read_with_it_and_only_for_its_member()
    {
        await _bot.PostSignedAsync(Mention("Ev1", "U7", "what do critics say?", ts: "1750000000.000100"), "application/json");
        var answer = await NextPostAsync();
        Assert.Equal("1750000000.000100", answer.GetProperty("thread_ts").GetString());

        await _bot.PostSignedAsync(Mention("Ev2", "U7", "who said that?", ts: "1750000005.000100", thread: "1750000000.000100"), "application/json");
        var who = await NextPostAsync();
        await _bot.PostSignedAsync(Mention("Ev3", "U8", "who said that?", ts: "1750000006.000100", thread: "1750000000.000100"), "application/json");
        var other = await NextPostAsync();

        Assert.Equal("1750000000.000100", who.GetProperty("thread_ts").GetString());
        Assert.Contains("It is the view of Jane Critic, as the article reports it (¶2).", Text(who), StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Critic", Text(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_shows_thinking_in_the_thread_then_chat_update_turns_it_into_the_answer()
    {
        await _bot.PostSignedAsync(Mention("Ev4", "U7", "a slow question", ts: "1750000010.000100"), "application/json");
        await _bot.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(2000));
        _bot.Clock.Advance(TimeSpan.FromMilliseconds(2000));

        var thinking = await _slack.NextCallAsync("chat.postMessage");
        var notice = JsonDocument.Parse(thinking.Body).RootElement;
        Assert.Contains("Thinking", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("1750000010.000100", notice.GetProperty("thread_ts").GetString());
        _bot.Knowledge.Release.SetResult();

        var update = JsonDocument.Parse((await _slack.NextCallAsync("chat.update")).Body).RootElement;
        Assert.Equal(_slack.Messages.Single().Ts, update.GetProperty("ts").GetString()); // stored before the bot heard its ts
        Assert.Contains("Critics call the deadline empty.", Text(update), StringComparison.Ordinal);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_slow_slash_command_is_acknowledged_with_a_private_thinking_notice()
    {
        var pending = _bot.PostSignedAsync(_bot.SlashCommand("ask a slow question", responseId: "slow-ask"));
        await _bot.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(2000));
        _bot.Clock.Advance(TimeSpan.FromMilliseconds(2000));

        var ack = JsonDocument.Parse(await (await pending.Bounded()).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", ack.GetProperty("response_type").GetString());
        Assert.Contains("Thinking", Text(ack), StringComparison.Ordinal);
        _bot.Knowledge.Release.SetResult();

        var answer = JsonDocument.Parse((await _slack.NextCallAsync("response")).Body).RootElement;
        Assert.Equal("in_channel", answer.GetProperty("response_type").GetString());
        Assert.Contains("Critics call the deadline empty.", Text(answer), StringComparison.Ordinal);
    }

    private async Task<JsonElement> NextPostAsync()
    {
        var post = JsonDocument.Parse((await _slack.NextCallAsync("chat.postMessage")).Body).RootElement;
        await _bot.Knowledge.NextAnswerPostedAsync();
        return post;
    }

    // Every string in a Slack message body: what the member can read.
    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object => string.Join('\n', element.EnumerateObject().Select(p => Text(p.Value))),
        JsonValueKind.Array => string.Join('\n', element.EnumerateArray().Select(Text)),
        _ => string.Empty,
    };

    private static string Mention(string eventId, string user, string text, string ts, string? thread = null) =>
        JsonSerializer.Serialize(new
        {
            type = "event_callback",
            team_id = "T1",
            api_app_id = "A1",
            event_id = eventId,
            event_time = 1750000000,
            @event = thread is null
                ? (object)new { type = "app_mention", user, text = "<@UBOT> " + text, ts, channel = "C5", event_ts = ts }
                : new { type = "app_mention", user, text = "<@UBOT> " + text, ts, thread_ts = thread, channel = "C5", event_ts = ts },
        });
}
