using System.Net;
using System.Text.Json;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests.Http;

/// <summary>Signed requests through the real Kestrel pipeline into the adapter, answered against a loopback Slack.</summary>
public sealed class SlackEventsEndpointTests : IAsyncLifetime
{
    private LoopbackSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await LoopbackSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_forged_signature_gets_401_and_runs_nothing()
    {
        var response = await _bot.PostSignedAsync(_bot.SlashCommand("ask is this forged?"), secret: "someone-elses-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Invocations.All);
        Assert.False(_bot.DeliveryLog.Records.TryRead(out _));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_stale_or_future_signed_request_gets_401_and_runs_nothing(int skewSeconds)
    {
        var timestamp = (_bot.Clock.GetUtcNow().ToUnixTimeSeconds() + skewSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await _bot.PostSignedAsync(_bot.SlashCommand("ask replayed?"), timestamp: timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Invocations.All);
        Assert.False(_bot.DeliveryLog.Records.TryRead(out _));
    }

    [Fact]
    public async Task A_request_without_signature_headers_gets_401()
    {
        var response = await _bot.PostUnsignedAsync(_bot.SlashCommand("ask unsigned?"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Invocations.All);
    }

    [Fact]
    public async Task Slacks_documented_example_passes_the_endpoint()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var bot = await SlackBotHost.StartAsync(slack,
            new Dictionary<string, string?> { ["SigningSecret"] = SlackSignatureVerifierTests.ExampleSecret },
            now: DateTimeOffset.FromUnixTimeSeconds(1531420618 + 60));

        var response = await bot.PostSignedAsync(SlackSignatureVerifierTests.ExampleBody,
            timestamp: SlackSignatureVerifierTests.ExampleTimestamp, signature: SlackSignatureVerifierTests.ExampleSignature);

        // Signature accepted: /webhook-collect is not one of our commands, so the answer is a polite private error.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Contains("webhook-collect", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await _bot.PostSignedAsync("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Ssl_check_gets_200_and_nothing_else_is_read()
    {
        var response = await _bot.PostUnsignedAsync("ssl_check=1&token=x&command=%2Fpolicy&text=ask+smuggled&trigger_id=t1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(_bot.Invocations.All);
        Assert.False(_bot.DeliveryLog.Records.TryRead(out _));
    }

    [Fact]
    public async Task A_quick_slash_command_is_answered_in_the_response_with_escaped_blocks()
    {
        var response = await _bot.PostSignedAsync(_bot.SlashCommand("ask is <!channel> & <!here> pinged?", user: "UADMIN"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("in_channel", json.GetProperty("response_type").GetString());
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("You asked: *is &lt;!channel&gt; &amp; &lt;!here&gt; pinged?* (admin: True)", blocks[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("“Talks resume &lt;!here&gt; &amp; stall” — north-korea-talks ¶2", blocks[2].GetProperty("elements")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("<!", JsonSerializer.Serialize(json, RelaxedJson), StringComparison.Ordinal);

        var invocation = Assert.Single(_bot.Invocations.All);
        Assert.Equal(("ask", "is <!channel> & <!here> pinged?"), (invocation.Name, invocation.Arguments));
        Assert.True(invocation.Sender.IsAdmin);
        Assert.DoesNotContain(_slack.Calls, call => call.Path != "auth.test");
    }

    [Fact]
    public async Task The_bare_command_shows_help()
    {
        var response = await _bot.PostSignedAsync(_bot.SlashCommand(string.Empty));

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Equal("PolicyBot commands", json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        var list = json.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString();
        Assert.Contains("`/policy ask &lt;question&gt;` — Ask a question.", list, StringComparison.Ordinal);
        Assert.Contains("`/policy poll &lt;question&gt;`", list, StringComparison.Ordinal);
        Assert.DoesNotContain("vote", list, StringComparison.Ordinal);
        Assert.DoesNotContain("!ask", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_one_command_uses_the_slash_command()
    {
        var response = await _bot.PostSignedAsync(_bot.SlashCommand("help ask"));

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/policy ask", json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("Usage: `/policy ask &lt;question&gt;`", json.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_hints_at_the_slash_command_not_the_chat_prefix()
    {
        var response = await _bot.PostSignedAsync(_bot.SlashCommand("pol where?"));

        var text = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("text").GetString();
        Assert.Contains("Did you mean `/policy poll`", text, StringComparison.Ordinal);
        Assert.Contains("Type `/policy help`", text, StringComparison.Ordinal);
        Assert.DoesNotContain("!", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_command_is_acknowledged_within_the_budget_and_answered_through_response_url()
    {
        var pending = _bot.PostSignedAsync(_bot.SlashCommand("slow", responseId: "slow-1"));
        await _bot.Invocations.NextAsync();
        await _bot.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(2000));
        _bot.Clock.Advance(TimeSpan.FromMilliseconds(2000));

        var ack = await pending.Bounded();
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var notice = JsonDocument.Parse(await ack.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", notice.GetProperty("response_type").GetString()); // "Thinking…", for the invoker only
        Assert.Empty(_slack.CallsTo("response"));

        _bot.Gated.Gate.SetResult();
        var followUp = await _slack.NextCallAsync("response");
        Assert.Equal("/response/slow-1", followUp.RequestPath);
        Assert.Null(followUp.Authorization);
        var json = JsonDocument.Parse(followUp.Body).RootElement;
        Assert.Equal("in_channel", json.GetProperty("response_type").GetString());
        Assert.Equal("Finally done.", json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_repeated_trigger_id_runs_once()
    {
        var form = _bot.SlashCommand("ask once?", trigger: "trigger-42");
        var first = await _bot.PostSignedAsync(form);
        var second = await _bot.PostSignedAsync(form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(string.Empty, await second.Content.ReadAsStringAsync());
        Assert.Single(_bot.Invocations.All);
    }

    [Fact]
    public async Task An_event_retried_by_slack_is_processed_once_and_the_mention_is_stripped()
    {
        var mention = """
            {"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev0001","event_time":1750000000,
             "event":{"type":"app_mention","user":"U7","text":"<@UBOT> what is the policy on &lt;tariffs&gt;?","ts":"1750000000.000100","channel":"C5","event_ts":"1750000000.000100"}}
            """;
        var first = await _bot.PostSignedAsync(mention, "application/json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var posted = await _slack.NextCallAsync("chat.postMessage");
        Assert.Equal($"Bearer {SlackBotHost.BotToken}", posted.Authorization);
        var message = JsonDocument.Parse(posted.Body).RootElement;
        Assert.Equal("C5", message.GetProperty("channel").GetString());
        Assert.Equal("1750000000.000100", message.GetProperty("thread_ts").GetString());

        var retry = await _bot.PostSignedAsync(mention, "application/json",
            headers: new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        Assert.Equal(("slack:Ev0001", true), await _bot.DeliveryLog.Records.ReadAsync().AsTask().Bounded());
        Assert.Equal(("slack:Ev0001", false), await _bot.DeliveryLog.Records.ReadAsync().AsTask().Bounded());
        var asked = Assert.Single(_bot.Invocations.All);
        Assert.Equal(("ask", "what is the policy on <tariffs>?"), (asked.Name, asked.Arguments));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_button_click_is_acknowledged_empty_and_runs_the_vote_with_its_source_message()
    {
        var payload = ButtonClick(user: "U3", actionTs: "1750000001.000001", responseId: "click-1");
        var response = await _bot.PostSignedAsync(SlackBotHost.Form(("payload", payload)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var vote = await _bot.Invocations.NextAsync();
        Assert.Equal(("vote", "12 3"), (vote.Name, vote.Arguments));
        Assert.Equal(InvocationSource.Button, vote.Source);
        Assert.Equal(new MessageRef(new ConversationRef(Platforms.Slack, "C1"), "1750000000.000200"), vote.SourceMessage);

        var answer = JsonDocument.Parse((await _slack.NextCallAsync("response")).Body).RootElement;
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.False(answer.GetProperty("replace_original").GetBoolean());
    }

    [Fact]
    public async Task A_click_is_acknowledged_only_once_its_command_has_finished()
    {
        var click = ButtonClick("U3", "1750000002.000001", "click-slow", actionId: "slow:1", baseUrl: _slack.BaseUrl);
        var pending = _bot.PostSignedAsync(SlackBotHost.Form(("payload", click)));
        await _bot.Invocations.NextAsync();

        // The acknowledgement waits on the command (within the inline budget): no 200 before the ballot is durable.
        await _bot.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(2000));
        Assert.False(pending.IsCompleted);
        _bot.Gated.Gate.SetResult();

        Assert.Equal(HttpStatusCode.OK, (await pending.Bounded()).StatusCode);
        Assert.Equal("/response/click-slow", (await _slack.NextCallAsync("response")).RequestPath);
    }

    [Fact]
    public async Task A_click_still_running_at_the_end_of_the_budget_is_acknowledged_in_time_and_answered_later()
    {
        var click = ButtonClick("U3", "1750000003.000001", "click-late", actionId: "slow:1", baseUrl: _slack.BaseUrl);
        var pending = _bot.PostSignedAsync(SlackBotHost.Form(("payload", click)));
        await _bot.Invocations.NextAsync();
        await _bot.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(2000));
        _bot.Clock.Advance(TimeSpan.FromMilliseconds(2000));

        Assert.Equal(HttpStatusCode.OK, (await pending.Bounded()).StatusCode);
        Assert.Empty(_slack.CallsTo("response"));
        _bot.Gated.Gate.SetResult();
        var answer = JsonDocument.Parse((await _slack.NextCallAsync("response")).Body).RootElement;
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task A_tracked_card_is_posted_with_chat_postMessage_reported_to_the_tracker_and_its_chart_uploaded()
    {
        var response = await _bot.PostSignedAsync(_bot.SlashCommand("poll Lunch?"));

        Assert.Equal("""{"response_type":"in_channel"}""", await response.Content.ReadAsStringAsync());
        var post = JsonDocument.Parse((await _slack.NextCallAsync("chat.postMessage")).Body).RootElement;
        var buttons = post.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements");
        Assert.Equal(["vote:7:1", "vote:7:2"], buttons.EnumerateArray().Select(b => b.GetProperty("action_id").GetString()));

        var ticket = await _slack.NextCallAsync("files.getUploadURLExternal");
        Assert.Contains("filename=results.png", ticket.Body, StringComparison.Ordinal);
        Assert.Contains($"length={CardCommand.Png.Length}", ticket.Body, StringComparison.Ordinal);
        var upload = await _slack.NextCallAsync("upload");
        Assert.Equal(CardCommand.Png, upload.RawBody);
        Assert.Null(upload.Authorization);
        var complete = JsonDocument.Parse((await _slack.NextCallAsync("files.completeUploadExternal")).Body).RootElement;
        Assert.Equal("C1", complete.GetProperty("channel_id").GetString());
        Assert.Equal("F1", complete.GetProperty("files")[0].GetProperty("id").GetString());

        var (key, message) = await _bot.Sink.NextAsync();
        Assert.Equal("poll:7", key);
        Assert.Equal(new ConversationRef(Platforms.Slack, "C1"), message.Conversation);
        Assert.StartsWith("1700000000.", message.MessageId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is_archived", "Please try again")]
    [InlineData("ratelimited", "Please try again")]
    public async Task A_card_that_cannot_be_posted_withdraws_its_poll_and_tells_the_member(string error, string advice)
    {
        _slack.Script("chat.postMessage", new ScriptedAnswer(200, $$"""{"ok":false,"error":"{{error}}"}"""));

        var response = await _bot.PostSignedAsync(_bot.SlashCommand("poll Where?", responseId: "failed-card"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("poll:7", await _bot.Sink.Undelivered.Reader.ReadAsync().AsTask().Bounded());
        var notice = await _slack.NextCallAsync("response");
        Assert.Equal("/response/failed-card", notice.RequestPath);
        var json = JsonDocument.Parse(notice.Body).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        var text = json.GetProperty("text").GetString();
        Assert.Contains($"couldn't post that in this channel (Slack answered `{error}`), so it was not created.", text, StringComparison.Ordinal);
        Assert.Contains(advice, text, StringComparison.Ordinal);
        Assert.Empty(_slack.CallsTo("files.getUploadURLExternal"));
    }

    [Fact]
    public async Task When_the_bot_is_not_in_the_channel_a_card_goes_through_response_url_instead()
    {
        _slack.Script("chat.postMessage", new ScriptedAnswer(200, """{"ok":false,"error":"not_in_channel"}"""));

        var response = await _bot.PostSignedAsync(_bot.SlashCommand("poll Where?", responseId: "fallback"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _slack.NextCallAsync("chat.postMessage");
        var answer = await _slack.NextCallAsync("response");
        Assert.Equal("/response/fallback", answer.RequestPath);
        Assert.Equal("in_channel", JsonDocument.Parse(answer.Body).RootElement.GetProperty("response_type").GetString());
    }

    internal static string ButtonClick(string user, string actionTs, string responseId, string actionId = "vote:12:3", string baseUrl = "http://127.0.0.1:9") =>
        $$"""
        {"type":"block_actions","trigger_id":"trig.{{actionTs}}","api_app_id":"A1","team":{"id":"T1","domain":"t"},
         "user":{"id":"{{user}}","username":"voter","team_id":"T1"},
         "container":{"type":"message","message_ts":"1750000000.000200","channel_id":"C1","is_ephemeral":false},
         "channel":{"id":"C1","name":"general"},
         "message":{"ts":"1750000000.000200","type":"message","bot_id":"B1","text":"poll"},
         "response_url":"{{baseUrl}}/response/{{responseId}}",
         "actions":[{"type":"button","action_id":"{{actionId}}","block_id":"b1","value":"{{actionId}}","text":{"type":"plain_text","text":"Yes"},"action_ts":"{{actionTs}}"}]}
        """;

    private string ButtonClick(string user, string actionTs, string responseId) => ButtonClick(user, actionTs, responseId, baseUrl: _slack.BaseUrl);

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
