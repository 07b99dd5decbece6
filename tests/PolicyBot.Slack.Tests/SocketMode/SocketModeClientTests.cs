using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.SocketMode;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests.SocketMode;

/// <summary>The Socket Mode client against a loopback Slack WebSocket server.</summary>
public sealed class SocketModeClientTests : IAsyncLifetime
{
    private LoopbackSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await LoopbackSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private Task<SlackBotHost> StartBotAsync(int connections = 1) =>
        SlackBotHost.StartAsync(_slack, new Dictionary<string, string?>
        {
            ["AppToken"] = SlackBotHost.AppToken,
            ["SocketModeConnections"] = connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, httpMode: false);

    private string SlashEnvelope(string envelopeId, string text, bool acceptsPayload = true) => $$"""
        {"envelope_id":"{{envelopeId}}","type":"slash_commands","accepts_response_payload":{{(acceptsPayload ? "true" : "false")}},
         "payload":{"token":"x","team_id":"T1","channel_id":"C1","user_id":"U1","user_name":"ada","command":"/policy",
                    "text":"{{text}}","response_url":"{{_slack.BaseUrl}}/response/{{envelopeId}}","trigger_id":"trig-{{envelopeId}}"} }
        """;

    [Fact]
    public async Task Hello_then_a_slash_command_is_acknowledged_on_the_same_socket_with_the_answer_as_payload()
    {
        await using var bot = await StartBotAsync();
        var socket = await _slack.NextSocketAsync();
        Assert.Equal($"Bearer {SlackBotHost.AppToken}", _slack.CallsTo("apps.connections.open").Single().Authorization);

        await socket.SendAsync(SlashEnvelope("e1", "ask is &lt;!here&gt; safe?"));
        var ack = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;

        Assert.Equal("e1", ack.GetProperty("envelope_id").GetString());
        var payload = ack.GetProperty("payload");
        Assert.Equal("in_channel", payload.GetProperty("response_type").GetString());
        Assert.Equal("You asked: *is &lt;!here&gt; safe?* (admin: False)", payload.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Without_accepts_response_payload_the_ack_is_bare_and_the_answer_goes_to_response_url()
    {
        await using var bot = await StartBotAsync();
        var socket = await _slack.NextSocketAsync();

        await socket.SendAsync(SlashEnvelope("e2", "ask anyone?", acceptsPayload: false));

        Assert.Equal("""{"envelope_id":"e2"}""", await socket.ReceiveAsync());
        var answer = await _slack.NextCallAsync("response");
        Assert.Equal("/response/e2", answer.RequestPath);
    }

    [Fact]
    public async Task A_command_envelope_without_trigger_id_redelivered_runs_once()
    {
        await using var bot = await StartBotAsync();
        var socket = await _slack.NextSocketAsync();
        var envelope = SlashEnvelope("e9", "ask once?", acceptsPayload: false).Replace("\"trigger_id\":\"trig-e9\"", "\"trigger_id\":\"\"", StringComparison.Ordinal);

        await socket.SendAsync(envelope);
        Assert.Equal("""{"envelope_id":"e9"}""", await socket.ReceiveAsync());
        await socket.SendAsync(envelope);
        Assert.Equal("""{"envelope_id":"e9"}""", await socket.ReceiveAsync());

        var first = await bot.DeliveryLog.Records.ReadAsync().AsTask().Bounded();
        var second = await bot.DeliveryLog.Records.ReadAsync().AsTask().Bounded();
        Assert.StartsWith("slack:replay:", first.Id, StringComparison.Ordinal);
        Assert.Equal((first.Id, true, false), (second.Id, first.Fresh, second.Fresh));
        Assert.Single(bot.Invocations.All);
    }

    [Fact]
    public async Task A_click_envelope_is_acknowledged_once_its_command_has_finished()
    {
        await using var bot = await StartBotAsync();
        var socket = await _slack.NextSocketAsync();

        var click = Http.SlackEventsEndpointTests.ButtonClick("U9", "1750000002.2", "sock-slow", actionId: "slow:1", baseUrl: _slack.BaseUrl);
        await socket.SendAsync($$"""{"envelope_id":"e5","type":"interactive","accepts_response_payload":false,"payload":{{click}}}""");
        await bot.Invocations.NextAsync();
        await bot.Clock.WaitForTimerAsync(TimeSpan.FromMilliseconds(2000));
        var ack = socket.ReceiveAsync();
        Assert.False(ack.IsCompleted);
        bot.Gated.Gate.SetResult();

        Assert.Equal("""{"envelope_id":"e5"}""", await ack);
    }

    [Fact]
    public async Task Events_and_clicks_are_acknowledged_and_then_handled()
    {
        await using var bot = await StartBotAsync();
        var socket = await _slack.NextSocketAsync();

        var click = Http.SlackEventsEndpointTests.ButtonClick("U9", "1750000002.1", "sock-click", baseUrl: _slack.BaseUrl);
        await socket.SendAsync($$"""{"envelope_id":"e3","type":"interactive","accepts_response_payload":false,"payload":{{click}}}""");
        Assert.Equal("""{"envelope_id":"e3"}""", await socket.ReceiveAsync());
        var vote = await bot.Invocations.NextAsync();
        Assert.Equal((InvocationSource.Button, "12 3"), (vote.Source, vote.Arguments));

        await socket.SendAsync("""
            {"envelope_id":"e4","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":"",
             "payload":{"type":"event_callback","event_id":"EvS1","event":{"type":"app_mention","user":"U1","text":"<@UBOT> why?","ts":"1.2","channel":"C1"}}}
            """);
        Assert.Equal("""{"envelope_id":"e4"}""", await socket.ReceiveAsync());
        var asked = await bot.Invocations.NextAsync();
        Assert.Equal(("ask", "why?"), (asked.Name, asked.Arguments));
    }

    [Fact]
    public async Task Refresh_requested_opens_the_new_connection_before_the_old_one_goes()
    {
        await using var bot = await StartBotAsync();
        var first = await _slack.NextSocketAsync();

        await first.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}}""");
        // The old socket still delivers until the replacement is up.
        await first.SendAsync(SlashEnvelope("late", "help"));
        var second = await _slack.NextSocketAsync();
        Assert.Contains("late", await first.ReceiveAsync(), StringComparison.Ordinal);

        // The old socket goes when Slack closes it, or after the grace period.
        await bot.Clock.WaitForTimerAsync(SocketModeClient.RetireGrace);
        bot.Clock.Advance(SocketModeClient.RetireGrace);
        await first.ClosedByClient.Bounded();
        var events = _slack.SocketEvents.ToList();
        Assert.InRange(events.IndexOf("open:" + second.Ticket), 0, events.IndexOf("closed:" + first.Ticket) - 1);
        Assert.Equal(2, _slack.CallsTo("apps.connections.open").Count());

        await second.SendAsync(SlashEnvelope("after", "help"));
        Assert.Contains("after", await second.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_also_replaces_the_connection_early()
    {
        await using var bot = await StartBotAsync();
        var first = await _slack.NextSocketAsync();

        await first.SendAsync("""{"type":"disconnect","reason":"warning","debug_info":{"host":"applink-1"}}""");
        var second = await _slack.NextSocketAsync();
        await first.CloseFromServerAsync();
        await first.ClosedByClient.Bounded();

        Assert.NotEqual(first.Ticket, second.Ticket);
    }

    [Fact]
    public async Task Too_many_websockets_lets_the_old_connection_go_before_opening_another()
    {
        await using var bot = await StartBotAsync();
        var first = await _slack.NextSocketAsync();

        await first.SendAsync("""{"type":"disconnect","reason":"too_many_websockets"}""");
        var second = await _slack.NextSocketAsync();

        var events = _slack.SocketEvents.ToList();
        Assert.InRange(events.IndexOf("closed:" + first.Ticket), 0, events.IndexOf("open:" + second.Ticket) - 1);
    }

    [Fact]
    public async Task Link_disabled_stops_socket_mode()
    {
        await using var bot = await StartBotAsync();
        var socket = await _slack.NextSocketAsync();
        var client = bot.Services.GetRequiredService<SocketModeClient>();

        await socket.SendAsync("""{"type":"disconnect","reason":"link_disabled","debug_info":{"host":"applink-1"}}""");
        await client.ExecuteTask!.Bounded();

        Assert.True(client.IsStopped);
        Assert.Single(_slack.CallsTo("apps.connections.open"));
        await socket.ClosedByClient.Bounded();
    }

    [Fact]
    public async Task A_dropped_connection_is_replaced_with_a_fresh_url()
    {
        await using var bot = await StartBotAsync();
        var first = await _slack.NextSocketAsync();

        // Dropped only once the client has read hello: a socket lost during the handshake is a failed connect, which
        // backs off on the fake clock (another test covers that).
        var client = bot.Services.GetRequiredService<SocketModeClient>();
        await Wait.UntilAsync(() => client.ConnectionsEstablished == 1);
        first.Abort();
        var second = await _slack.NextSocketAsync();

        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Equal(2, _slack.CallsTo("apps.connections.open").Count());
    }

    [Fact]
    public async Task Failing_to_connect_backs_off_before_trying_again()
    {
        _slack.Script("apps.connections.open", new ScriptedAnswer(200, """{"ok":false,"error":"internal_error"}"""));
        await using var bot = await StartBotAsync();

        var backoff = await bot.Clock.NextTimerAsync();
        Assert.InRange(backoff, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.Single(_slack.CallsTo("apps.connections.open"));

        bot.Clock.Advance(backoff);
        await _slack.NextSocketAsync();
        Assert.Equal(2, _slack.CallsTo("apps.connections.open").Count());
    }

    [Fact]
    public async Task A_rejected_app_token_stops_without_retrying()
    {
        _slack.Script("apps.connections.open", new ScriptedAnswer(200, """{"ok":false,"error":"invalid_auth"}"""));
        await using var bot = await StartBotAsync();
        var client = bot.Services.GetRequiredService<SocketModeClient>();

        await client.ExecuteTask!.Bounded();

        Assert.True(client.IsStopped);
        Assert.Single(_slack.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task Two_connections_are_kept_for_seamless_refreshes()
    {
        await using var bot = await StartBotAsync(connections: 2);

        var a = await _slack.NextSocketAsync();
        var b = await _slack.NextSocketAsync();

        Assert.NotEqual(a.Ticket, b.Ticket);
        await b.SendAsync(SlashEnvelope("on-b", "help"));
        Assert.Contains("on-b", await b.ReceiveAsync(), StringComparison.Ordinal);
    }
}
