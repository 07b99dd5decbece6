using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests.Gateway;

/// <summary>The gateway session against the loopback Discord: handshake, heartbeats, resume, re-identify, fatal closes.</summary>
public sealed class GatewaySessionTests : IAsyncLifetime
{
    private LoopbackDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await LoopbackDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Identify_carries_token_intents_shard_and_properties()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);

        var (_, identify) = await _discord.AcceptIdentifiedAsync();

        var d = identify.GetProperty("d");
        Assert.Equal(DiscordTestHost.Token, d.GetProperty("token").GetString());
        Assert.Equal(37377, d.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal("policybot", d.GetProperty("properties").GetProperty("browser").GetString());
        var discovery = await _discord.NextRequestAsync(r => r.Path == "gateway/bot");
        Assert.Equal("Bot " + DiscordTestHost.Token, discovery.Header("Authorization"));
        Assert.Equal("DiscordBot (https://github.com/policybot, 1.0)", discovery.Header("User-Agent"));
    }

    [Fact]
    public async Task Configured_shards_identify_with_their_own_id_and_the_total_count()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord, new Dictionary<string, string?>
        {
            ["Discord:ShardCount"] = "4",
            ["Discord:ShardIds:0"] = "1",
            ["Discord:ShardIds:1"] = "3",
        });

        var shards = new List<int[]>();
        for (var i = 0; i < 2; i++)
        {
            var connection = await _discord.NextConnectionAsync();
            await connection.SendHelloAsync(_discord.HeartbeatIntervalMs);
            var identify = await connection.ReceiveOpAsync(2);
            shards.Add(identify.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        }

        Assert.Equal([[1, 4], [3, 4]], shards.OrderBy(s => s[0]).ToArray());
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_number()
    {
        _discord.HeartbeatIntervalMs = 250;
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(readySequence: 1);

        await connection.SendDispatchAsync("GUILD_CREATE", 42, new { id = "1", unavailable = true });

        var sequence = await WaitForHeartbeatAsync(connection, 42);
        Assert.Equal(42, sequence);
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(readySequence: 3);

        // The Hello interval is a minute: a heartbeat now can only be the answer to our op 1.
        await connection.SendAsync(new { op = 1, d = (object?)null });

        var heartbeat = await connection.ReceiveHeartbeatAsync();
        Assert.Equal(3, heartbeat.GetProperty("d").GetInt32());
    }

    [Fact]
    public async Task Reconnect_request_leads_to_resume_with_same_session_and_sequence()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(sessionId: "abc-session", readySequence: 1);
        await connection.SendDispatchAsync("GUILD_CREATE", 7, new { id = "1", unavailable = true });

        await connection.SendAsync(new { op = 7, d = (object?)null });

        var closeCode = await connection.ClientClosed.WaitAsync(LoopbackDiscord.DefaultTimeout);
        Assert.NotEqual(1000, closeCode);
        var resumed = await _discord.NextConnectionAsync();
        Assert.Equal("/resume", resumed.Path);
        await resumed.SendHelloAsync(_discord.HeartbeatIntervalMs);
        var resume = await resumed.ReceiveOpAsync(6);
        Assert.Equal("abc-session", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(7, resume.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.Equal(DiscordTestHost.Token, resume.GetProperty("d").GetProperty("token").GetString());
    }

    [Fact]
    public async Task A_gateway_message_over_the_limit_is_not_read_whole_and_the_session_resumes()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord, new Dictionary<string, string?> { ["Discord:MaxGatewayMessageBytes"] = "65536" });
        var (connection, _) = await _discord.AcceptIdentifiedAsync(sessionId: "big", readySequence: 1);

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, new { id = "m", channel_id = "1", content = new string('x', 100_000), author = new { id = "u" } });

        Assert.NotEqual(1000, await connection.ClientClosed.WaitAsync(LoopbackDiscord.DefaultTimeout));
        var resumed = await _discord.NextConnectionAsync();
        await resumed.SendHelloAsync(_discord.HeartbeatIntervalMs);
        Assert.Equal("big", (await resumed.ReceiveOpAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
        Assert.Contains(host.LogLines, l => l.Level == LogLevel.Error && l.Message.Contains("larger than 65536 bytes (Discord:MaxGatewayMessageBytes)", StringComparison.Ordinal));
        Assert.Empty(host.Invocations.Invocations);
    }

    [Fact]
    public async Task Resumable_invalid_session_resumes()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(sessionId: "keep-me", readySequence: 5);

        await connection.SendAsync(new { op = 9, d = true });

        var next = await _discord.NextConnectionAsync();
        await next.SendHelloAsync(_discord.HeartbeatIntervalMs);
        var resume = await next.ReceiveOpAsync(6);
        Assert.Equal("keep-me", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(5, resume.GetProperty("d").GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task Invalid_session_that_is_not_resumable_identifies_again_on_the_normal_url()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(sessionId: "old", readySequence: 1);

        await connection.SendAsync(new { op = 9, d = false });

        var next = await _discord.NextConnectionAsync();
        Assert.Equal("/gateway", next.Path);
        await next.SendHelloAsync(_discord.HeartbeatIntervalMs);
        var payload = await next.Received.Reader.ReadAsync(new CancellationTokenSource(LoopbackDiscord.DefaultTimeout).Token);
        Assert.Equal(2, payload.GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task Dropped_connection_resumes()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(sessionId: "s-drop", readySequence: 9);

        await connection.CloseAsync(4000);

        var next = await _discord.NextConnectionAsync();
        await next.SendHelloAsync(_discord.HeartbeatIntervalMs);
        var resume = await next.ReceiveOpAsync(6);
        Assert.Equal(9, resume.GetProperty("d").GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task Missing_heartbeat_ack_closes_the_zombie_without_1000_and_resumes()
    {
        _discord.HeartbeatIntervalMs = 150;
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync(sessionId: "zombie", readySequence: 2);

        connection.AutoAck = false;

        var closeCode = await connection.ClientClosed.WaitAsync(LoopbackDiscord.DefaultTimeout);
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        var next = await _discord.NextConnectionAsync();
        await next.SendHelloAsync(60_000);
        var resume = await next.ReceiveOpAsync(6);
        Assert.Equal("zombie", resume.GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Shutdown_closes_the_session_with_1000_and_does_not_reconnect()
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var (connection, _) = await _discord.AcceptIdentifiedAsync();

        await host.Gateway.StopAsync(CancellationToken.None);

        Assert.Equal(1000, await connection.ClientClosed.WaitAsync(LoopbackDiscord.DefaultTimeout));
        Assert.True(host.Gateway.ExecuteTask!.IsCompleted);
        Assert.Equal(0, _discord.Connections.Reader.Count);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task Fatal_close_code_stops_the_adapter_with_one_clear_log_line(int code)
    {
        await using var host = await DiscordTestHost.StartAsync(_discord);
        var connection = await _discord.NextConnectionAsync();
        await connection.SendHelloAsync(_discord.HeartbeatIntervalMs);
        await connection.ReceiveOpAsync(2);

        await connection.CloseAsync(code);

        await host.Gateway.ExecuteTask!.WaitAsync(LoopbackDiscord.DefaultTimeout);
        Assert.Equal(code, host.Gateway.FatalCloseCode);
        var critical = host.LogLines.Where(l => l.Level >= LogLevel.Error).ToArray();
        var line = Assert.Single(critical);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Message);
        Assert.Contains("stopped", line.Message);
        Assert.DoesNotContain(host.LogLines, l => l.Message.Contains(DiscordTestHost.Token));
        Assert.Equal(0, _discord.Connections.Reader.Count);
    }

    private static async Task<int> WaitForHeartbeatAsync(LoopbackGatewayConnection connection, int expected)
    {
        while (true)
        {
            var heartbeat = await connection.ReceiveHeartbeatAsync();
            var d = heartbeat.GetProperty("d");
            if (d.ValueKind == JsonValueKind.Number && d.GetInt32() == expected)
            {
                return expected;
            }
        }
    }
}
