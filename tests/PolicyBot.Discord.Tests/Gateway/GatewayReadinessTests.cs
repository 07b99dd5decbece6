using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Discord.Tests.Gateway;

/// <summary>The connection state readiness reads, and the reconnect metric, against the loopback Discord.</summary>
public sealed class GatewayReadinessTests : IAsyncLifetime
{
    private LoopbackDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await LoopbackDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_shard_is_live_after_ready_down_after_a_drop_and_live_again_after_resume_which_is_counted()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        using var reconnects = new ReconnectRecorder(host.Services.GetRequiredService<IMeterFactory>());
        var state = host.Services.GetRequiredService<GatewayConnectionState>();

        var first = await _discord.NextConnectionAsync();
        await first.SendHelloAsync(_discord.HeartbeatIntervalMs);
        await first.ReceiveOpAsync(2);
        Assert.Equal([0], state.ExpectedShards);
        Assert.False(state.AllShardsLive);

        await first.SendReadyAsync(1, "s-1", _discord.ResumeUrl);
        await ProcessedSoFarAsync(first, 1);
        Assert.True(state.AllShardsLive);
        Assert.Empty(reconnects.Kinds); // the first READY is a connect, not a reconnect

        await first.CloseAsync(4000);
        var second = await _discord.NextConnectionAsync();
        Assert.False(state.AllShardsLive);
        Assert.Empty(state.LiveShards);

        await second.SendHelloAsync(_discord.HeartbeatIntervalMs);
        await second.ReceiveOpAsync(6);
        await second.SendDispatchAsync("RESUMED", 2, new { });
        await ProcessedSoFarAsync(second, 2);

        Assert.True(state.AllShardsLive);
        Assert.Equal(["discord/resume"], reconnects.Kinds);
    }

    [Fact]
    public async Task A_fresh_identify_after_an_invalid_session_is_counted_as_identify()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        using var reconnects = new ReconnectRecorder(host.Services.GetRequiredService<IMeterFactory>());
        var (first, _) = await _discord.AcceptIdentifiedAsync(sessionId: "old");

        await first.SendAsync(new { op = 9, d = false });
        var second = await _discord.NextConnectionAsync();
        await second.SendHelloAsync(_discord.HeartbeatIntervalMs);
        await second.ReceiveOpAsync(2);
        await second.SendReadyAsync(1, "new", _discord.ResumeUrl);
        await ProcessedSoFarAsync(second, 1);

        Assert.Equal(["discord/identify"], reconnects.Kinds);
    }

    [Fact]
    public async Task A_fatal_close_leaves_the_state_stopped_with_its_code()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var state = host.Services.GetRequiredService<GatewayConnectionState>();
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await connection.CloseAsync(4004);
        await host.Gateway.ExecuteTask!.WaitAsync(LoopbackDiscord.DefaultTimeout);

        Assert.Equal(4004, state.FatalCloseCode);
        Assert.False(state.AllShardsLive);
    }

    /// <summary>
    /// Waits until the session has handled the dispatch numbered <paramref name="sequence"/>: it asks for a heartbeat,
    /// and a heartbeat carrying that sequence can only be sent after it. No sleeping on the clock.
    /// </summary>
    private static async Task ProcessedSoFarAsync(LoopbackGatewayConnection connection, int sequence)
    {
        await connection.SendAsync(new { op = 1, d = (object?)null });
        while ((await connection.ReceiveHeartbeatAsync()).GetProperty("d") is not { ValueKind: System.Text.Json.JsonValueKind.Number } d
            || d.GetInt32() != sequence)
        {
        }
    }
}
