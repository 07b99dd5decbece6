using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    private const long MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The Discord adapter: options (section <c>Discord</c>, validated on start), the REST client, the gateway hosted
    /// service and <see cref="DiscordPlatform"/> as an <see cref="IChatPlatform"/>. Needs <c>AddCommandCore()</c> and an
    /// <see cref="Core.Commands.IDeliveryLog"/>. Call it only when <c>Discord:Token</c> is set.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.UserAgent.ParseAdd(DiscordRestClient.UserAgent);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
                http.Timeout = TimeSpan.FromSeconds(30);

                // Discord's answers are small JSON; a runaway body is cut off instead of read into memory.
                http.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            // The default handler logs URLs (interaction tokens are in them) and headers (the bot token): we log routes ourselves.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(_ => true);

        services.TryAddSingleton<DiscordRateLimits>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordBotIdentity>();
        services.TryAddSingleton<GuildCache>();
        services.TryAddSingleton<DiscordAdminPolicy>();
        services.TryAddSingleton<SlashCommandMap>();
        services.TryAddSingleton<SlashCommandRegistrar>();
        services.TryAddSingleton<DiscordTranslator>();
        services.AddSingleton(provider => new PlatformCommandSyntax(
            Platforms.Discord,
            provider.GetRequiredService<IOptions<DiscordOptions>>().Value.Prefix ?? provider.GetRequiredService<IOptions<CommandOptions>>().Value.Prefix));
        services.TryAddSingleton<DiscordPlatform>();
        services.TryAddSingleton<DiscordResponders>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<DiscordPlatform>());
        services.TryAddSingleton<DiscordEventRouter>();
        services.TryAddSingleton<IGatewayDispatchHandler>(provider => provider.GetRequiredService<DiscordEventRouter>());
        services.TryAddSingleton(provider => new IdentifyGate(
            provider.GetRequiredService<TimeProvider>(), IdentifyGate.DiscordWindow, provider.GetService<ILogger<IdentifyGate>>()));
        services.TryAddSingleton<GatewayConnectionState>();
        services.TryAddSingleton<DiscordGatewayService>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<DiscordGatewayService>());
        return services;
    }
}
