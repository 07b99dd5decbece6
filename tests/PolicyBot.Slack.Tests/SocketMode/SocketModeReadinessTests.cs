using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Slack.SocketMode;
using PolicyBot.Slack.Tests.Infrastructure;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Slack.Tests.SocketMode;

/// <summary>What readiness and the reconnect metric see of Socket Mode, and how it shuts down.</summary>
public sealed class SocketModeReadinessTests : IAsyncLifetime
{
    private LoopbackSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await LoopbackSlack.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private Task<SlackBotHost> StartBotAsync() =>
        SlackBotHost.StartAsync(_slack, new Dictionary<string, string?> { ["AppToken"] = SlackBotHost.AppToken, ["SocketModeConnections"] = "1" }, httpMode: false);

    private static string Slash(string envelopeId, string text) => $$"""
        {"envelope_id":"{{envelopeId}}","type":"slash_commands","accepts_response_payload":true,
         "payload":{"token":"x","team_id":"T1","channel_id":"C1","user_id":"U1","user_name":"ada","command":"/policy",
                    "text":"{{text}}","response_url":"http://127.0.0.1:9/unused","trigger_id":"trig-{{envelopeId}}"} }
        """;

    [Fact]
    public async Task Open_connections_follow_hello_drop_and_reconnect_and_a_reconnect_after_a_drop_is_counted()
    {
        await using var bot = await StartBotAsync();
        var state = bot.Services.GetRequiredService<SocketModeConnectionState>();
        using var reconnects = new ReconnectRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        var first = await _slack.NextSocketAsync();
        await first.SendAsync(Slash("e1", "ask one?"));
        await first.ReceiveAsync().Bounded(); // an ack proves hello was handled
        Assert.Equal(1, state.OpenConnections);
        Assert.Empty(reconnects.Kinds);

        first.Abort();
        var second = await _slack.NextSocketAsync();
        await second.SendAsync(Slash("e2", "ask two?"));
        await second.ReceiveAsync().Bounded();

        Assert.Equal(1, state.OpenConnections);
        Assert.Equal(["slack/drop"], reconnects.Kinds);
    }

    [Fact]
    public async Task Stopping_acknowledges_the_envelope_in_hand_then_closes_the_socket_and_reports_nothing_open()
    {
        await using var bot = await StartBotAsync();
        var client = bot.Services.GetRequiredService<SocketModeClient>();
        var state = bot.Services.GetRequiredService<SocketModeConnectionState>();
        var socket = await _slack.NextSocketAsync();
        await socket.SendAsync(Slash("in-flight", "slow"));
        await bot.Invocations.NextAsync();

        var stopping = client.StopAsync(CancellationToken.None);
        await bot.Clock.WaitForTimerAsync(SocketModeClient.ShutdownAckGrace).Bounded(); // the client is draining
        bot.Gated.Gate.SetResult();

        var ack = await socket.ReceiveAsync().Bounded();
        Assert.Contains("in-flight", ack, StringComparison.Ordinal);
        Assert.Contains("Finally done.", ack, StringComparison.Ordinal);
        await socket.ClosedByClient.Bounded();
        await stopping.Bounded();
        Assert.Equal(0, state.OpenConnections);
    }
}
