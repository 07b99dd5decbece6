using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Core.Chat;
using PolicyBot.Discord;
using PolicyBot.Slack;
using PolicyBot.Slack.Http;
using PolicyBot.Hosting.Health;

namespace PolicyBot.Hosting;

/// <summary>The platform adapters chosen by <see cref="AdapterSelection"/>.</summary>
public static class AdapterRegistration
{
    public static void AddAdapters(IServiceCollection services, IConfiguration configuration, AdapterSelection adapters)
    {
        if (adapters.NeedsWebServer)
        {
            services.AddBotHealthChecks(adapters);
        }

        if (adapters.PrometheusEnabled)
        {
            services.AddBotMetricsExport();
        }

        if (adapters.Discord)
        {
            services.AddDiscordAdapter(configuration);
        }

        if (adapters.Slack)
        {
            services.AddSlackAdapter(configuration);
        }

        if (adapters.Console)
        {
            services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton(_ => ConsoleIo.FromStandardStreams());
            services.AddSingleton<ConsolePlatform>();
            services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ConsolePlatform>());
            services.AddHostedService<ConsoleAdapterService>();
        }
    }

    public static void MapEndpoints(WebApplication app, AdapterSelection adapters)
    {
        app.MapBotHealthEndpoints();
        if (adapters.SlackHttp)
        {
            app.MapSlackEndpoints();
        }
        if (adapters.PrometheusEnabled)
        {
            app.MapBotMetrics();
        }
    }
}
