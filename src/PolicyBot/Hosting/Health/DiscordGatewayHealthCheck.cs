using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Discord.Gateway;

namespace PolicyBot.Hosting.Health;

/// <summary>Ready only while every shard this instance runs holds a live gateway session.</summary>
public sealed class DiscordGatewayHealthCheck(GatewayConnectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.FatalCloseCode is { } code)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"The Discord adapter stopped: close code {code} ({GatewayCloseCodes.Describe(code)})."));
        }

        var expected = state.ExpectedShards;
        if (expected.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The Discord gateway has not started its shards yet."));
        }

        var live = state.LiveShards;
        return Task.FromResult(live.Count == expected.Count
            ? HealthCheckResult.Healthy($"Discord shards [{string.Join(',', live)}] connected.")
            : HealthCheckResult.Unhealthy(
                $"Discord shards [{string.Join(',', expected.Except(live))}] of [{string.Join(',', expected)}] have no live session."));
    }
}
