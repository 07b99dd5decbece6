using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Slack.Http;

namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>
/// PolicyBot's Slack adapter in a real Kestrel host on 127.0.0.1, wired the way the lead wires it
/// (<c>AddSlackAdapter</c> + <c>MapSlackEndpoints</c>), with fake command handlers and a loopback Slack.
/// </summary>
public sealed class SlackBotHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789";
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private SlackBotHost(WebApplication app, LoopbackSlack slack, ObservedTimeProvider clock)
    {
        _app = app;
        Slack = slack;
        Clock = clock;
        _client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public LoopbackSlack Slack { get; }

    public ObservedTimeProvider Clock { get; }

    public IServiceProvider Services => _app.Services;

    public InvocationLog Invocations => Services.GetRequiredService<InvocationLog>();

    public InMemoryDeliveryLog DeliveryLog => Services.GetRequiredService<InMemoryDeliveryLog>();

    public RecordingSink Sink => Services.GetRequiredService<RecordingSink>();

    public GatedCommand Gated => Services.GetServices<ICommandHandler>().OfType<GatedCommand>().Single();

    /// <summary>The real <c>ask</c>'s seams, when started with <c>realAsk</c>.</summary>
    public PolicyBot.Tests.Shared.FollowUpKnowledge Knowledge => Services.GetRequiredService<PolicyBot.Tests.Shared.FollowUpKnowledge>();

    /// <param name="settings">Extra or overriding <c>Slack:*</c> keys (without the prefix).</param>
    /// <param name="realAsk">The real <c>ask</c> with follow-ups over <see cref="PolicyBot.Tests.Shared.FollowUpKnowledge"/> instead of the echo.</param>
    public static async Task<SlackBotHost> StartAsync(
        LoopbackSlack slack,
        IDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null,
        bool httpMode = true,
        CapturingLoggerProvider? logs = null,
        bool realAsk = false)
    {
        var clock = new ObservedTimeProvider(now ?? DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        var config = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:AdminUserIds:0"] = "UADMIN",
            ["Slack:ChannelMessageInterval"] = "00:00:00",
            ["Slack:SocketModeStagger"] = "00:00:00",
            ["Commands:RateLimitBurst"] = "1000",
        };
        if (httpMode)
        {
            config["Slack:SigningSecret"] = SigningSecret;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config["Slack:" + key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<InMemoryDeliveryLog>();
        builder.Services.AddSingleton<IDeliveryLog>(sp => sp.GetRequiredService<InMemoryDeliveryLog>());
        builder.Services.AddSingleton<InvocationLog>();
        builder.Services.AddSingleton<RecordingSink>();
        builder.Services.AddSingleton<IPostedMessageSink>(sp => sp.GetRequiredService<RecordingSink>());
        builder.Services.AddCommandCore();
        if (realAsk)
        {
            PolicyBot.Tests.Shared.FollowUpKnowledge.Register(builder.Services);
        }
        else
        {
            builder.Services.AddCommand<EchoAskCommand>();
        }

        builder.Services.AddCommand<FakeVoteCommand>();
        builder.Services.AddCommand<GatedCommand>();
        builder.Services.AddCommand<CardCommand>();
        builder.Services.AddSlackAdapter(builder.Configuration);

        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        return new SlackBotHost(app, slack, clock);
    }

    public string Now => Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>POSTs a body to /slack/events signed as Slack would sign it (or with the given overrides).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(
        string body,
        string contentType = "application/x-www-form-urlencoded",
        string? timestamp = null,
        string? secret = null,
        string? signature = null,
        IDictionary<string, string>? headers = null)
    {
        timestamp ??= Now;
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSignatureVerifier.Sign(secret ?? SigningSecret, timestamp, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request) => _client.SendAsync(request);

    public Task<HttpResponseMessage> PostUnsignedAsync(string body, string contentType = "application/x-www-form-urlencoded") =>
        _client.PostAsync("/slack/events", new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>A slash command form as Slack sends it.</summary>
    public string SlashCommand(string text, string user = "U1", string command = "/policy", string? trigger = null, string responseId = "r1") =>
        Form(
            ("token", "legacy"), ("team_id", "T1"), ("channel_id", "C1"), ("channel_name", "general"), ("user_id", user),
            ("user_name", "ada"), ("command", command), ("text", text),
            ("response_url", $"{Slack.BaseUrl}/response/{responseId}"), ("trigger_id", trigger ?? Guid.NewGuid().ToString("N")));

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
