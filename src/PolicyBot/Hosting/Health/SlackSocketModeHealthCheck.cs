using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyBot.Slack.SocketMode;

namespace PolicyBot.Hosting.Health;

/// <summary>Ready while at least one Socket Mode connection is open: Slack delivers every envelope on any one of them.</summary>
public sealed class SlackSocketModeHealthCheck(SocketModeConnectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Stopped)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Slack Socket Mode stopped (app token refused or Socket Mode disabled)."));
        }

        var open = state.OpenConnections;
        return Task.FromResult(open > 0
            ? HealthCheckResult.Healthy($"{open} Slack Socket Mode connection(s) open.")
            : HealthCheckResult.Unhealthy("No Slack Socket Mode connection is open."));
    }
}
