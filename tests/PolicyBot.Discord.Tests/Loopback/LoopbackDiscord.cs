using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Discord.Tests.Loopback;

/// <summary>
/// A small Discord on 127.0.0.1: a gateway WebSocket (<c>/gateway</c>, and <c>/resume</c> as the resume URL) and the
/// REST API under <c>/api/v10</c>. It records every request and answers like Discord, or as a test's responder says.
/// With a <see cref="Clock"/> it keeps time as Discord does: message ids are snowflakes of their creation time, and an
/// enforced nonce is remembered for <see cref="NonceWindow"/> only.
/// </summary>
public sealed class LoopbackDiscord : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The bot's user id: READY's default, <c>GET /users/@me</c>, and the author of every message the bot creates.</summary>
    public const string BotUserId = "999";

    private const long DiscordEpochMs = 1_420_070_400_000;

    private readonly WebApplication _app;
    private readonly List<CreatedMessage> _messages = [];
    private int _nextId = 5000;

    private LoopbackDiscord(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Discord's clock; null keeps the plain counting ids (5001, 5002, …) and remembers nonces for ever.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>How long Discord honours an enforced nonce ("a few minutes"; the exact figure is not documented).</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    public string ApiBaseUrl => new Uri(BaseUri, "api/v10").ToString();

    public string GatewayUrl => $"ws://{BaseUri.Authority}/gateway";

    public string ResumeUrl => $"ws://{BaseUri.Authority}/resume";

    public Channel<RecordedRequest> Requests { get; } = Channel.CreateUnbounded<RecordedRequest>();

    public Channel<LoopbackGatewayConnection> Connections { get; } = Channel.CreateUnbounded<LoopbackGatewayConnection>();

    /// <summary>Heartbeat interval sent in Hello; small in tests so heartbeats come quickly.</summary>
    public int HeartbeatIntervalMs { get; set; } = 60_000;

    /// <summary>A test's answer for a request; return null to get the default Discord-like answer.</summary>
    public Func<RecordedRequest, LoopbackResponse?>? Responder { get; set; }

    /// <summary>Runs when a message is created; return true to drop the connection instead of answering.</summary>
    public Func<CreatedMessage, bool>? AfterCreating { get; set; }

    /// <summary>Every message created, in order; a repeat with an enforced nonce is not among them.</summary>
    public IReadOnlyList<CreatedMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public static async Task<LoopbackDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var discord = new LoopbackDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", context => discord.AcceptGatewayAsync(context, "/gateway"));
        app.Map("/resume", context => discord.AcceptGatewayAsync(context, "/resume"));
        app.Map("/api/v10/{**path}", discord.HandleRestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        discord.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return discord;
    }

    public async Task<LoopbackGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        return await Connections.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next recorded request matching the predicate (others are skipped).</summary>
    public async Task<RecordedRequest> NextRequestAsync(Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var request = await Requests.Reader.ReadAsync(cts.Token);
            if (match is null || match(request))
            {
                return request;
            }
        }
    }

    /// <summary>Accepts a connection, sends Hello, and completes the usual Identify -> READY handshake.</summary>
    public async Task<(LoopbackGatewayConnection Connection, JsonElement Identify)> AcceptIdentifiedAsync(string sessionId = "session-1", int readySequence = 1)
    {
        var connection = await NextConnectionAsync();
        await connection.SendHelloAsync(HeartbeatIntervalMs);
        var identify = await connection.ReceiveOpAsync(2);
        await connection.SendReadyAsync(readySequence, sessionId, ResumeUrl);
        return (connection, identify);
    }

    public string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A message someone (or the bot, earlier) wrote in a channel, as if it had arrived at the current <see cref="Clock"/> time.</summary>
    public CreatedMessage Seed(string channelId, string authorId, string content)
    {
        var message = new CreatedMessage(channelId, NewMessageId(), Nonce: null, JsonSerializer.SerializeToElement(new { content }), authorId, Now);
        lock (_messages)
        {
            _messages.Add(message);
        }

        return message;
    }

    private DateTimeOffset Now => (Clock ?? TimeProvider.System).GetUtcNow();

    private string NewMessageId()
    {
        if (Clock is null)
        {
            return NewId();
        }

        // Discord's id layout: milliseconds since 2015 above 22 bits of worker, process and increment.
        var milliseconds = (ulong)(Clock.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        return ((milliseconds << 22) | (uint)(Interlocked.Increment(ref _nextId) & 0xFFF)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task AcceptGatewayAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new LoopbackGatewayConnection(socket, path);
        await Connections.Writer.WriteAsync(connection);
        await connection.RunAsync(context.RequestAborted);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        await Requests.Writer.WriteAsync(request);
        var response = Responder?.Invoke(request) ?? DefaultResponse(request);
        if (ReferenceEquals(response, LoopbackResponse.Dropped))
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(response.Body));
        }
    }

    private LoopbackResponse DefaultResponse(RecordedRequest request)
    {
        var path = request.Path;
        return (request.Method, path) switch
        {
            ("GET", "users/@me") => new(200, new { id = BotUserId, username = "PolicyBot", bot = true }),
            ("GET", _) when path.StartsWith("channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal) => ListMessages(request),
            ("GET", "gateway/bot") => new(200, new
            {
                url = GatewayUrl,
                shards = 1,
                session_start_limit = new { total = 1000, remaining = 999, reset_after = 0, max_concurrency = 1 },
            }),
            ("POST", _) when path.StartsWith("interactions/", StringComparison.Ordinal) =>
                request.Query.Contains("with_response=true", StringComparison.Ordinal)
                    ? new(200, new { interaction = new { id = path.Split('/')[1], type = 2 }, resource = new { type = 4, message = new { id = NewId() } } })
                    : new(204),
            ("DELETE", _) => new(204),
            ("PUT", _) when path.StartsWith("applications/", StringComparison.Ordinal) => new(200, Array.Empty<object>()),
            ("PATCH", _) or ("GET", _) when path.EndsWith("/@original", StringComparison.Ordinal) => new(200, new { id = "4242" }),
            ("PATCH", _) => new(200, new { id = path.Split('/').Last() }),
            ("POST", _) when path.StartsWith("channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal) => CreateMessage(request),
            ("POST", _) => new(200, new { id = NewId() }),
            _ => new(404, new { code = 0, message = "404: Not Found" }),
        };
    }

    /// <summary>Discord's nonce rule: with <c>enforce_nonce</c>, a nonce seen before returns that message and creates none.</summary>
    private LoopbackResponse CreateMessage(RecordedRequest request)
    {
        var nonce = request.Json.ValueKind == JsonValueKind.Object && request.Json.TryGetProperty("nonce", out var n) ? n.GetString() : null;
        var enforce = request.Json.ValueKind == JsonValueKind.Object && request.Json.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        CreatedMessage created;
        lock (_messages)
        {
            if (enforce && nonce is not null && _messages.Find(m => m.Nonce == nonce && Now - m.CreatedAt < NonceWindow) is { } existing)
            {
                return new(200, new { id = existing.Id, channel_id = existing.ChannelId, nonce });
            }

            created = new CreatedMessage(request.Path.Split('/')[1], NewMessageId(), nonce, request.Json, BotUserId, Now);
            _messages.Add(created);
        }

        return AfterCreating?.Invoke(created) == true
            ? LoopbackResponse.Dropped
            : new(200, new { id = created.Id, channel_id = created.ChannelId, nonce });
    }

    /// <summary>
    /// <c>GET /channels/{id}/messages?after=&amp;limit=</c>: the oldest <c>limit</c> messages with a larger id than
    /// <c>after</c>, newest first, as message objects with author, content and embeds. Fetched messages carry no nonce.
    /// </summary>
    private LoopbackResponse ListMessages(RecordedRequest request)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Query);
        var after = query.TryGetValue("after", out var a) ? ulong.Parse(a.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var limit = query.TryGetValue("limit", out var l) ? int.Parse(l.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 50;
        if (limit is < 1 or > 100)
        {
            return new(400, new { code = 50035, message = "Invalid Form Body" });
        }

        var channelId = request.Path.Split('/')[1];
        lock (_messages)
        {
            var page = _messages
                .Where(m => m.ChannelId == channelId && ulong.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture) > after)
                .OrderBy(m => ulong.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture))
                .Take(limit)
                .Reverse()
                .Select(m => new
                {
                    id = m.Id,
                    channel_id = m.ChannelId,
                    author = new { id = m.AuthorId, username = m.AuthorId == BotUserId ? "PolicyBot" : "someone", bot = m.AuthorId == BotUserId },
                    content = m.Json.TryGetProperty("content", out var content) ? content.GetString() ?? string.Empty : string.Empty,
                    embeds = m.Json.TryGetProperty("embeds", out var embeds) ? embeds : JsonSerializer.SerializeToElement(Array.Empty<object>()),
                    timestamp = m.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                })
                .ToArray();
            return new(200, page);
        }
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = (string)context.Request.RouteValues["path"]!;
        var files = new List<RecordedFile>();
        var json = default(JsonElement);
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            json = JsonDocument.Parse(form["payload_json"].ToString()).RootElement.Clone();
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content);
                files.Add(new RecordedFile(file.Name, file.FileName, file.ContentType, content.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (body.Length > 0)
            {
                json = JsonDocument.Parse(body).RootElement.Clone();
            }
        }

        return new RecordedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, headers, json, files, DateTimeOffset.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
