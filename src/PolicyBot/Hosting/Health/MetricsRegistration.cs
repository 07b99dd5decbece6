using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using PolicyBot.Core.Diagnostics;

namespace PolicyBot.Hosting.Health;

/// <summary>OpenTelemetry metrics for the bot's meter plus ASP.NET Core's and the HTTP client's, scraped at <c>/metrics</c>.</summary>
public static class MetricsRegistration
{
    public static IServiceCollection AddBotMetricsExport(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Net.Http")
            // No scrape cache: a scrape always shows the counts as of now.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static WebApplication MapBotMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
