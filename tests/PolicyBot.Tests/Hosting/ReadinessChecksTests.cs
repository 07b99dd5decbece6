using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Gateway;
using PolicyBot.Hosting;
using PolicyBot.Hosting.Health;
using PolicyBot.Slack.SocketMode;

namespace PolicyBot.Tests.Hosting;

/// <summary>The adapter readiness checks, on the connection-state objects the gateway and Socket Mode client keep.</summary>
public sealed class ReadinessChecksTests
{
    private static async Task<HealthStatus> StatusAsync(IHealthCheck check) =>
        (await check.CheckHealthAsync(new HealthCheckContext())).Status;

    [Fact]
    public async Task Discord_is_ready_only_when_every_configured_shard_is_live()
    {
        var state = new GatewayConnectionState();
        var check = new DiscordGatewayHealthCheck(state);
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check)); // shards not started yet

        state.Expect([1, 3]);
        state.MarkLive(1);
        var partial = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, partial.Status);
        Assert.Contains("[3]", partial.Description, StringComparison.Ordinal);

        state.MarkLive(3);
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(check));

        state.MarkDown(1);
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check));
    }

    [Fact]
    public async Task Discord_is_not_ready_after_a_fatal_close_and_says_why()
    {
        var state = new GatewayConnectionState();
        state.Expect([0]);
        state.MarkLive(0);
        state.MarkStopped(4004);

        var result = await new DiscordGatewayHealthCheck(state).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("4004", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_socket_mode_is_ready_with_at_least_one_open_socket_and_never_once_stopped()
    {
        var state = new SocketModeConnectionState();
        var check = new SlackSocketModeHealthCheck(state);
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check));

        state.Opened();
        state.Opened();
        state.Closed();
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(check));

        state.MarkStopped();
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(check));
    }

    [Theory]
    [InlineData(false, false, new[] { "storage" })]
    [InlineData(true, false, new[] { "storage", "discord-gateway" })]
    [InlineData(false, true, new[] { "storage", "slack-socket-mode" })]
    [InlineData(true, true, new[] { "storage", "discord-gateway", "slack-socket-mode" })]
    public void Adapter_checks_are_registered_for_readiness_only_when_that_adapter_runs(bool discord, bool socketMode, string[] expected)
    {
        var services = new ServiceCollection();
        services.AddBotHealthChecks(new AdapterSelection(discord, SlackHttp: false, socketMode, HttpEndpointsEnabled: true));

        var registrations = services.BuildServiceProvider().GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(expected, registrations.Select(r => r.Name).ToArray());
        Assert.All(registrations, r => Assert.Contains(HealthEndpoints.ReadyTag, r.Tags));
    }
}
