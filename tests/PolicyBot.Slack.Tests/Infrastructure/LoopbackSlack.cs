using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>One request Slack's side received.</summary>
public sealed record RecordedCall(string Path, string RequestPath, string? Authorization, string? ContentType, string Body, byte[] RawBody);

/// <summary>A message chat.postMessage stored, with its metadata (as conversations.history returns it).</summary>
public sealed record PostedSlackMessage(string Channel, string Ts, string? ThreadTs, string Text, JsonElement? Metadata);

/// <summary>A canned answer for the next call of one method.</summary>
public sealed record ScriptedAnswer(int Status, string Json, int? RetryAfterSeconds = null);

/// <summary>
/// Slack on 127.0.0.1: the Web API (<c>/api/{method}</c>), the file upload URL, <c>response_url</c>s and the Socket
/// Mode WebSocket (<c>/link</c>). It records every call and lets a test script answers and socket traffic. Posted
/// messages are kept, with their metadata, and served by <c>conversations.history</c> and <c>conversations.replies</c>.
/// </summary>
public sealed class LoopbackSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly Channel<RecordedCall> _callFeed = Channel.CreateUnbounded<RecordedCall>();
    private readonly Channel<ServerSocket> _sockets = Channel.CreateUnbounded<ServerSocket>();
    private readonly List<PostedSlackMessage> _messages = [];
    private int _ts;
    private int _tickets;

    private LoopbackSlack(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ApiBaseUrl => BaseUrl + "/api/";

    /// <summary>Whether new sockets get <c>hello</c> as their first message.</summary>
    public bool SendHello { get; set; } = true;

    public IReadOnlyCollection<RecordedCall> Calls => _calls;

    /// <summary>Slack's clock: the seconds of every new message's ts.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    /// <summary>Runs when chat.postMessage stored a message; return true to drop the connection instead of answering.</summary>
    public Func<PostedSlackMessage, bool>? AfterPosting { get; set; }

    public IReadOnlyList<PostedSlackMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>Socket lifecycle in order: <c>open:{ticket}</c> when accepted, <c>closed:{ticket}</c> when the bot lets go.</summary>
    public ConcurrentQueue<string> SocketEvents { get; } = new();

    public static async Task<LoopbackSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new LoopbackSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext context, string method) => slack.ApiAsync(context, method));
        app.MapPost("/upload/{fileId}", async (HttpContext context) => await slack.RecordAsync(context, "upload"));
        app.MapPost("/response/{id}", async (HttpContext context) => await slack.RecordAsync(context, "response"));
        app.Map("/link", (HttpContext context) => slack.AcceptSocketAsync(context));
        await app.StartAsync();
        slack.BaseUrl = app.Urls.Single().TrimEnd('/');
        return slack;
    }

    public void Script(string method, ScriptedAnswer answer) =>
        _scripts.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedAnswer>()).Enqueue(answer);

    public IEnumerable<RecordedCall> CallsTo(string path) => _calls.Where(c => c.Path == path);

    /// <summary>The next recorded call whose path matches, in arrival order.</summary>
    public async Task<RecordedCall> NextCallAsync(string path)
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        while (true)
        {
            var call = await _callFeed.Reader.ReadAsync(timeout.Token);
            if (call.Path == path)
            {
                return call;
            }
        }
    }

    public async Task<ServerSocket> NextSocketAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        return await _sockets.Reader.ReadAsync(timeout.Token);
    }

    private async Task<IResult> ApiAsync(HttpContext context, string method)
    {
        var call = await RecordCallAsync(context, method);
        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Content(scripted.Json, "application/json", Encoding.UTF8, scripted.Status);
        }

        if (method == "chat.postMessage")
        {
            var posted = Store(call);
            if (AfterPosting?.Invoke(posted) == true)
            {
                context.Abort();
                return Results.Empty;
            }

            return Results.Content($$"""{"ok":true,"channel":"{{posted.Channel}}","ts":"{{posted.Ts}}"}""", "application/json", Encoding.UTF8);
        }

        var json = method switch
        {
            "auth.test" => """{"ok":true,"url":"https://t.slack.com/","team":"T","user":"policybot","team_id":"T1","user_id":"UBOT","bot_id":"B1"}""",
            "conversations.history" or "conversations.replies" => History(call, method == "conversations.replies"),
            "chat.postEphemeral" => """{"ok":true,"message_ts":"1700000000.999999"}""",
            "files.getUploadURLExternal" => $$"""{"ok":true,"upload_url":"{{BaseUrl}}/upload/F1","file_id":"F1"}""",
            "files.completeUploadExternal" => """{"ok":true,"files":[{"id":"F1"}]}""",
            "apps.connections.open" => $$"""{"ok":true,"url":"{{BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}}/link?ticket={{Interlocked.Increment(ref _tickets)}}"}""",
            _ => """{"ok":true}""",
        };
        return Results.Content(json, "application/json", Encoding.UTF8);
    }

    private PostedSlackMessage Store(RecordedCall call)
    {
        using var body = JsonDocument.Parse(call.Body);
        var root = body.RootElement;
        var thread = root.TryGetProperty("thread_ts", out var t) ? t.GetString() : null;
        var metadata = root.TryGetProperty("metadata", out var m) ? m.Clone() : (JsonElement?)null;
        var seconds = Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var posted = new PostedSlackMessage(root.GetProperty("channel").GetString()!, $"{seconds}.{Interlocked.Increment(ref _ts):D6}", thread,
            root.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty, metadata);
        lock (_messages)
        {
            _messages.Add(posted);
        }

        return posted;
    }

    /// <summary>The channel's messages (or one thread's) since <c>oldest</c>, newest first, metadata only when asked for.</summary>
    private string History(RecordedCall call, bool replies)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(call.Body);
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : string.Empty;
        var channel = Field("channel");
        var oldest = decimal.Parse(Field("oldest") is { Length: > 0 } o ? o : "0", CultureInfo.InvariantCulture);
        var withMetadata = Field("include_all_metadata") == "true";
        var thread = Field("ts");
        var found = Messages
            .Where(m => m.Channel == channel && decimal.Parse(m.Ts, CultureInfo.InvariantCulture) >= oldest)
            .Where(m => replies ? m.ThreadTs == thread || m.Ts == thread : m.ThreadTs is null)
            .Reverse()
            .Select(m => withMetadata && m.Metadata is { } meta
                ? new Dictionary<string, object> { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Text, ["metadata"] = meta }
                : new Dictionary<string, object> { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Text });
        return JsonSerializer.Serialize(new { ok = true, messages = found, has_more = false });
    }

    private async Task<IResult> RecordAsync(HttpContext context, string path)
    {
        await RecordCallAsync(context, path);
        return Results.Ok();
    }

    private async Task<RecordedCall> RecordCallAsync(HttpContext context, string path)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var call = new RecordedCall(path, context.Request.Path, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.ContentType, Encoding.UTF8.GetString(raw), raw);
        _calls.Enqueue(call);
        _callFeed.Writer.TryWrite(call);
        return call;
    }

    private async Task AcceptSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var server = new ServerSocket(socket, context.Request.Query["ticket"].ToString(), SocketEvents);
        SocketEvents.Enqueue("open:" + server.Ticket);
        if (SendHello)
        {
            await server.SendAsync("""{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"},"debug_info":{"approximate_connection_time":3600}}""");
        }

        _sockets.Writer.TryWrite(server);
        await server.RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Slack's end of one Socket Mode connection.</summary>
public sealed class ServerSocket(WebSocket socket, string ticket, ConcurrentQueue<string> events)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _closedByClient = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _abort = new();

    public string Ticket { get; } = ticket;

    /// <summary>Completes when the bot closes (or drops) this connection.</summary>
    public Task ClosedByClient => _closedByClient.Task;

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Closes the connection from Slack's side, as Slack does when it refreshes one.</summary>
    public async Task CloseFromServerAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close handshake, as a network failure would.</summary>
    public void Abort() => _abort.Cancel();

    internal async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, _abort.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    events.Enqueue("closed:" + Ticket);
                    _closedByClient.TrySetResult();
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    return;
                }

                _received.Writer.TryWrite(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            if (_abort.IsCancellationRequested)
            {
                socket.Abort();
            }

            events.Enqueue("closed:" + Ticket);
            _closedByClient.TrySetResult();
        }
    }
}
