using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Tests.Loopback;

namespace PolicyBot.Discord.Tests.Fakes;

/// <summary>The real adapter wired as the host would wire it, pointed at a <see cref="LoopbackDiscord"/>.</summary>
public sealed class DiscordTestHost : IAsyncDisposable
{
    public const string Token = "loopback.bot.token-abcdef";

    private DiscordTestHost(ServiceProvider services, ListLoggerProvider logs)
    {
        Services = services;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public DiscordGatewayService Gateway => Services.GetRequiredService<DiscordGatewayService>();

    public InvocationLog Invocations => Services.GetRequiredService<InvocationLog>();

    public SlowCommand Slow => Services.GetServices<ICommandHandler>().OfType<SlowCommand>().Single();

    public RecordingSink Sink => Services.GetRequiredService<RecordingSink>();

    public ListLoggerProvider Logs { get; }

    public IEnumerable<(LogLevel Level, string Category, string Message)> LogLines => Logs.Lines;

    /// <param name="configure">Extra services, added before the adapter (the real <c>ask</c>, for instance).</param>
    public static Task<DiscordTestHost> StartAsync(
        LoopbackDiscord discord, IDictionary<string, string?>? settings = null, bool startGateway = true, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:ReconnectInitialDelay"] = "00:00:00.010",
            ["Discord:ReconnectMaxDelay"] = "00:00:00.100",
            ["Discord:InteractionDeferAfter"] = "00:00:01.5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return StartAsync(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), startGateway, configure);
    }

    private static async Task<DiscordTestHost> StartAsync(IConfiguration configuration, bool startGateway, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        var logs = new ListLoggerProvider();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddCommandCore();
        services.AddCommand<EchoCommand>();
        services.AddCommand<VoteCommand>();
        services.AddCommand<SlowCommand>();
        services.AddCommand<CardCommand>();
        services.AddSingleton<InvocationLog>();
        services.AddSingleton<RecordingSink>();
        services.AddSingleton<IPostedMessageSink>(p => p.GetRequiredService<RecordingSink>());
        services.AddSingleton<IDeliveryLog, InMemoryDeliveryLog>();
        // Discord's identify window is 5 s; a short one keeps reconnect tests fast.
        services.AddSingleton(new IdentifyGate(TimeProvider.System, TimeSpan.FromMilliseconds(10)));
        configure?.Invoke(services);
        services.AddDiscordAdapter(configuration);
        var host = new DiscordTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
        _ = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DiscordOptions>>().Value; // validates, as ValidateOnStart would
        if (startGateway)
        {
            await host.Gateway.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
    }
}
