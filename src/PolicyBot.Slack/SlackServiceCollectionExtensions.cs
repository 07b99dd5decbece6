using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Slack.Http;
using PolicyBot.Slack.SocketMode;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

public static class SlackServiceCollectionExtensions
{
    private const long MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Everything the Slack adapter needs: options (section <c>Slack</c>), the Web API client, <see cref="SlackPlatform"/>
    /// as an <see cref="IChatPlatform"/>, the signed HTTP endpoint's services (map it with
    /// <see cref="SlackEndpointRouteBuilderExtensions.MapSlackEndpoints"/>) and, when <c>Slack:AppToken</c> is set, the
    /// Socket Mode client. Needs the command core (<c>AddCommandCore</c>) and an <c>IDeliveryLog</c> (storage).
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>>(new RenamedSlackKeys(section));
        var settings = section.Get<SlackOptions>() ?? new SlackOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackWebApiClient.HttpClientName, (sp, client) =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            client.Timeout = TimeSpan.FromSeconds(30);

            // Slack's answers are JSON of a few KB (a history page a few hundred); a runaway body is cut off, not read whole.
            client.MaxResponseContentBufferSize = MaxResponseBytes;
        });
        // response_url and upload URLs are capabilities (whoever has one can post): keep them out of HttpClient's logs.
        services.AddHttpClient(SlackWebApiClient.ExternalHttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(60);
                client.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            .RemoveAllLoggers();

        services.TryAddSingleton<MethodRateLimits>();
        services.TryAddSingleton<ChannelSendQueue>();
        services.TryAddSingleton<SlackWebApiClient>();
        services.TryAddSingleton<SlackBotIdentity>();
        services.TryAddSingleton<SlackPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackPlatform>());
        services.TryAddSingleton<SlackTranslator>();
        services.AddSingleton(sp => new PlatformCommandSyntax(Platforms.Slack, sp.GetRequiredService<IOptions<SlackOptions>>().Value.CommandName + " "));
        services.TryAddSingleton<SlackReplySender>();
        services.TryAddSingleton<Responding.SlackResponders>();
        services.TryAddSingleton<SlackRequestProcessor>();
        services.AddHostedService<SlackStartupCheck>();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SlackSignatureVerifier(
                options.SigningSecret is { Length: > 0 } secret ? secret : throw new InvalidOperationException("Slack:SigningSecret is not configured."),
                sp.GetRequiredService<TimeProvider>(),
                options.SignatureWindow);
        });
        services.TryAddSingleton<SlackEventsEndpoint>();

        if (!string.IsNullOrEmpty(settings.AppToken))
        {
            services.TryAddSingleton<SocketModeEnvelopeHandler>();
            services.TryAddSingleton<SocketModeConnectionState>();
            services.TryAddSingleton<SocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        }

        return services;
    }
}
