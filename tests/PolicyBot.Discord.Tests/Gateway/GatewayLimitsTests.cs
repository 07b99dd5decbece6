using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Tests.Gateway;

public sealed class GatewayLimitsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Ordinary_sends_stop_short_of_the_limit_leaving_room_for_heartbeats()
    {
        var limiter = new GatewaySendLimiter(_time);
        for (var i = 0; i < GatewaySendLimiter.OrdinaryLimit; i++)
        {
            await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        }

        var ordinary = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        await limiter.WaitAsync(isHeartbeat: true, CancellationToken.None); // a heartbeat still goes out at once

        Assert.False(ordinary.IsCompleted);
        _time.Advance(GatewaySendLimiter.Window);
        await ordinary.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Heartbeats_also_respect_the_hard_limit_of_120_per_minute()
    {
        var limiter = new GatewaySendLimiter(_time);
        for (var i = 0; i < GatewaySendLimiter.HardLimit; i++)
        {
            await limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);
        }

        var next = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Identify_turns_of_one_rate_limit_key_are_five_seconds_apart()
    {
        var gate = new IdentifyGate(_time);
        var identified = new List<int>();

        await gate.RunAsync(0, 2, _ => { identified.Add(0); return Task.CompletedTask; }, CancellationToken.None);
        await gate.RunAsync(1, 2, _ => { identified.Add(1); return Task.CompletedTask; }, CancellationToken.None); // other key: no wait
        var shard2 = gate.RunAsync(2, 2, _ => { identified.Add(2); return Task.CompletedTask; }, CancellationToken.None); // key 0 again

        Assert.Equal([0, 1], identified);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(shard2.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await shard2.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([0, 1, 2], identified);
    }

    [Fact]
    public async Task With_no_session_starts_left_a_shard_waits_for_the_budget_to_refill()
    {
        var gate = new IdentifyGate(_time, TimeSpan.Zero);
        gate.SetSessionStartLimit(new SessionStartLimit(1000, 1, TimeSpan.FromHours(2)));

        await gate.ReserveSessionStartAsync(0, CancellationToken.None);
        var second = gate.ReserveSessionStartAsync(0, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));

        Assert.False(second.IsCompleted);
        Assert.Equal(0, gate.SessionStartsRemaining);
        _time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(999, gate.SessionStartsRemaining);
    }

    [Fact]
    public async Task The_budget_refills_on_discord_s_schedule_not_from_when_it_ran_out()
    {
        var gate = new IdentifyGate(_time, TimeSpan.Zero);
        gate.SetSessionStartLimit(new SessionStartLimit(3, 1, TimeSpan.FromHours(1)));

        await gate.ReserveSessionStartAsync(0, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2)); // past the reported reset: a fresh day of 3, which ends 25 h from the start
        for (var i = 0; i < 3; i++)
        {
            await gate.ReserveSessionStartAsync(0, CancellationToken.None);
        }

        var next = gate.ReserveSessionStartAsync(0, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(23) - TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_a_reported_reset_time_the_budget_waits_a_whole_day()
    {
        var gate = new IdentifyGate(_time, TimeSpan.Zero);
        gate.SetSessionStartLimit(new SessionStartLimit(1, 1, TimeSpan.Zero));

        await gate.ReserveSessionStartAsync(0, CancellationToken.None);
        var next = gate.ReserveSessionStartAsync(0, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(23));

        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromHours(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_up_to_the_cap_and_resets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.5);

        var delays = Enumerable.Range(0, 9).Select(_ => backoff.NextDelay().TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
        backoff.Reset();
        Assert.Equal(1, backoff.NextDelay().TotalSeconds);
        Assert.Equal(0.75, new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0).NextDelay().TotalSeconds);
    }

    [Theory]
    [InlineData(4004, ReconnectAction.Fatal)]
    [InlineData(4010, ReconnectAction.Fatal)]
    [InlineData(4011, ReconnectAction.Fatal)]
    [InlineData(4012, ReconnectAction.Fatal)]
    [InlineData(4013, ReconnectAction.Fatal)]
    [InlineData(4014, ReconnectAction.Fatal)]
    [InlineData(4007, ReconnectAction.Identify)]
    [InlineData(4009, ReconnectAction.Identify)]
    [InlineData(4000, ReconnectAction.Resume)]
    [InlineData(1006, ReconnectAction.Resume)]
    [InlineData(null, ReconnectAction.Resume)]
    public void Close_codes_map_to_the_right_action(int? code, ReconnectAction expected) =>
        Assert.Equal(expected, GatewayCloseCodes.Classify(code));
}
