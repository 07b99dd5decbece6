using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Core.Commands;
using PolicyBot.Storage;

namespace PolicyBot.Hosting;

/// <summary>Builds the bot's host: a plain Generic Host for the console, a web host when an HTTP endpoint is needed.</summary>
public static class BotHost
{
    /// <summary>Graceful shutdown: in-flight replies and socket closes get this long after SIGTERM/Ctrl+C.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <param name="configArguments">Configuration overrides from the command line (<c>--Key=value</c>).</param>
    /// <param name="configureServices">Test hook, run last: replace the console streams, the clock, a platform.</param>
    public static IHost Build(string[] configArguments, Action<IServiceCollection>? configureServices = null)
    {
        var probe = new ConfigurationManager();
        BotConfiguration.Apply(probe, Environments.Production, configArguments);
        var adapters = AdapterSelection.From(probe);

        if (adapters.NeedsWebServer)
        {
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            Configure(web, configArguments, adapters, configureServices);
            var app = web.Build();
            AdapterRegistration.MapEndpoints(app, adapters);
            return app;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        Configure(builder, configArguments, adapters, configureServices);
        return builder.Build();
    }

    private static void Configure(
        IHostApplicationBuilder builder,
        string[] configArguments,
        AdapterSelection adapters,
        Action<IServiceCollection>? configureServices)
    {
        BotConfiguration.Apply(builder.Configuration, builder.Environment.EnvironmentName, configArguments);
        ConfigureLogging(builder, adapters);

        var services = builder.Services;
        services.AddSingleton(adapters);
        services.AddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        // Storage first: its initializer migrates the database before any adapter takes a command.
        services.AddPolicyBotStorage(builder.Configuration);
        services.AddCommandCore();
        FeatureRegistration.AddFeatures(services, builder.Configuration);
        AdapterRegistration.AddAdapters(services, builder.Configuration, adapters);

        configureServices?.Invoke(services);
    }

    private static void ConfigureLogging(IHostApplicationBuilder builder, AdapterSelection adapters)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        var json = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        if (json)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        if (adapters.Console)
        {
            // stdout carries the conversation; every log line goes to stderr.
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }
}
