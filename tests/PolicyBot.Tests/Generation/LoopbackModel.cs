using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Generation;

/// <summary>One chat completion request the loopback model received.</summary>
public sealed record ModelRequest(string? Authorization, JsonElement Body)
{
    public bool Stream => Body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

    public JsonElement[] Messages => [.. Body.GetProperty("messages").EnumerateArray()];

    public string SystemText => Text(Messages.Single(m => m.GetProperty("role").GetString() == "system"));

    public string UserText => Text(Messages.Single(m => m.GetProperty("role").GetString() == "user"));

    /// <summary>The JSON document the model is given as the user message.</summary>
    public JsonElement Document => JsonDocument.Parse(UserText).RootElement;

    private static string Text(JsonElement message) =>
        message.GetProperty("content") is { ValueKind: JsonValueKind.String } s ? s.GetString()! : string.Concat(message.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
}

/// <summary>How the loopback model answers the next request.</summary>
public abstract record ModelBehaviour
{
    /// <summary>A completion whose message content is <paramref name="Content"/> (streamed in pieces when asked to stream).</summary>
    public sealed record Answer(string Content) : ModelBehaviour;

    /// <summary>An HTTP error, as a rate-limited or failing server sends it.</summary>
    public sealed record Status(int Code) : ModelBehaviour;

    /// <summary>Says nothing until the client gives up.</summary>
    public sealed record Stall : ModelBehaviour;

    public static ModelBehaviour Json(bool covered, string answer, params int[] paragraphs) =>
        new Answer(JsonSerializer.Serialize(new { covered, answer, paragraphs }));
}

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (<c>POST /v1/chat/completions</c>), plain and streamed
/// (server-sent events, usage in the last chunk), that answers as a test scripts it: well, with bad citations, with an
/// invented quote, garbage, a stall past the timeout, a 429.
/// </summary>
public sealed class LoopbackModel : IAsyncDisposable
{
    public const int PromptTokens = 321;
    public const int CompletionTokens = 45;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<ModelRequest> _arrivals = Channel.CreateUnbounded<ModelRequest>();

    private LoopbackModel(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = string.Empty;

    public ModelBehaviour Behaviour { get; set; } = ModelBehaviour.Json(false, "");

    /// <summary>When set, decides each answer from its request instead of <see cref="Behaviour"/>.</summary>
    public Func<ModelRequest, ModelBehaviour>? Respond { get; set; }

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    public static async Task<LoopbackModel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = new LoopbackModel(app);
        app.MapPost("/v1/chat/completions", (HttpContext context) => model.CompleteAsync(context));
        await app.StartAsync();
        model.Endpoint = app.Urls.Single().TrimEnd('/') + "/v1";
        return model;
    }

    /// <summary>The next request to arrive (already arrived ones first).</summary>
    public async Task<ModelRequest> NextRequestAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    private async Task CompleteAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = new ModelRequest(context.Request.Headers.Authorization.ToString(), body.RootElement.Clone());
        Requests.Enqueue(request);
        _arrivals.Writer.TryWrite(request);
        switch (Respond?.Invoke(request) ?? Behaviour)
        {
            case ModelBehaviour.Status status:
                context.Response.StatusCode = status.Code;
                context.Response.Headers.RetryAfter = "20";
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}""");
                return;
            case ModelBehaviour.Stall:
                using (var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return;
            case ModelBehaviour.Answer answer when request.Stream:
                await StreamAsync(context, answer.Content);
                return;
            case ModelBehaviour.Answer answer:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-loopback",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = Model(request),
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Content }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
                }));
                return;
        }
    }

    private static async Task StreamAsync(HttpContext context, string content)
    {
        context.Response.ContentType = "text/event-stream";
        var model = Model(new ModelRequest(null, default));
        var third = Math.Max(1, content.Length / 3);
        var pieces = Enumerable.Range(0, (content.Length + third - 1) / third).Select(i => content.Substring(i * third, Math.Min(third, content.Length - (i * third)))).ToList();
        await SendAsync(Chunk(new { role = "assistant", content = "" }, null));
        foreach (var piece in pieces)
        {
            await SendAsync(Chunk(new { content = piece }, null));
        }

        await SendAsync(Chunk(new { }, "stop"));
        await SendAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-loopback", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = Array.Empty<object>(),
            usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
        }));
        await SendAsync("[DONE]");

        string Chunk(object delta, string? finish) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-loopback", @object = "chat.completion.chunk", created = 1_700_000_000, model,
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        });

        async Task SendAsync(string data)
        {
            await context.Response.WriteAsync("data: " + data + "\n\n", Encoding.UTF8);
            await context.Response.Body.FlushAsync();
        }
    }

    private static string Model(ModelRequest request) =>
        request.Body.ValueKind == JsonValueKind.Object && request.Body.TryGetProperty("model", out var m) ? m.GetString() ?? "loopback" : "loopback";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
