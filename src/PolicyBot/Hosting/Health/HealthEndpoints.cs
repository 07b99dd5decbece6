using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyBot.Hosting.Health;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: storage reachable and adapters connected (checks tagged "ready").</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Storage always; an adapter's connection check only when that adapter runs.</summary>
    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services, AdapterSelection adapters)
    {
        var checks = services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        if (adapters.Discord)
        {
            checks.AddCheck<DiscordGatewayHealthCheck>("discord-gateway", tags: [ReadyTag]);
        }

        if (adapters.SlackSocketMode)
        {
            checks.AddCheck<SlackSocketModeHealthCheck>("slack-socket-mode", tags: [ReadyTag]);
        }

        return services;
    }

    public static WebApplication MapBotHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
