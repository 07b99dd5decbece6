using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Core.Chat;
using PolicyBot.Hosting.Health;

namespace PolicyBot.Hosting;

/// <summary>The platform adapters chosen by <see cref="AdapterSelection"/>.</summary>
public static class AdapterRegistration
{
    public static void AddAdapters(IServiceCollection services, IConfiguration configuration, AdapterSelection adapters)
    {
        if (adapters.NeedsWebServer)
        {
            services.AddBotHealthChecks();
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
    }
}
