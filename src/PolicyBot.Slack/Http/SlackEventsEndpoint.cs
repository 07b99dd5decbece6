using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace PolicyBot.Slack.Http;

/// <summary>
/// <c>POST /slack/events</c>, Bolt-style single endpoint: slash commands (form), interactivity (form field
/// <c>payload</c>) and the Events API (JSON). The signature is checked on the raw bytes before anything is parsed;
/// a bad or stale request gets 401 and touches nothing, a signed one that is not valid UTF-8 (or malformed) gets 400.
/// Bodies are never logged, only their size and content type.
/// </summary>
public sealed partial class SlackEventsEndpoint(
    SlackRequestProcessor processor,
    SlackSignatureVerifier verifier,
    IOptions<SlackOptions> options,
    ILogger<SlackEventsEndpoint> logger)
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, options.Value.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var isForm = request.ContentType?.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase) == true;
        var form = isForm ? SlackForm.TryParse(body) : null;

        // Slack's certificate check for public apps: answered 200 and otherwise ignored, signed or not (Bolt does
        // the same); nothing in it is read, so nothing can be smuggled through it.
        if (form is not null && form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
        var signature = request.Headers["X-Slack-Signature"].ToString();
        var check = verifier.Verify(timestamp, signature, body);
        if (check != SignatureCheck.Valid)
        {
            LogRefused(check, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // Bodies are never logged (they carry user text, the old verification token and response_url capabilities):
        // only their size and type.
        if (!Utf8.IsValid(body) || (isForm && form is null))
        {
            LogNotUtf8(body.Length, Shown(request.ContentType));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (request.Headers.TryGetValue("X-Slack-Retry-Num", out var retry))
        {
            LogRetry(retry.ToString(), request.Headers["X-Slack-Retry-Reason"].ToString());
        }

        SlackAck ack;
        try
        {
            ack = await DispatchAsync(form, body, timestamp, signature).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a string holding a lone surrogate (GetString refuses it). The exception's message quotes
            // the body; it stays out of the log.
            LogMalformed(body.Length, Shown(request.ContentType));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (ack.JsonBody is { } json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = json.Length;
            await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<SlackAck> DispatchAsync(Dictionary<string, StringValues>? form, byte[] body, string timestamp, string signature)
    {
        if (form is null)
        {
            using var json = JsonDocument.Parse(body);
            return processor.HandleEvent(json.RootElement);
        }

        if (form.TryGetValue("payload", out var payload))
        {
            using var json = JsonDocument.Parse(payload.ToString());
            return await processor.HandleInteractiveAsync(json.RootElement).ConfigureAwait(false);
        }

        if (form.ContainsKey("command"))
        {
            // Without a trigger id the signed request itself is what identifies a retry (built only then).
            var command = SlashCommandRequest.FromForm(form);
            return await processor.HandleSlashCommandAsync(command.TriggerId.Length > 0 ? command : command with { ReplayKey = $"{timestamp}:{signature}" })
                .ConfigureAwait(false);
        }

        return SlackAck.Empty;
    }

    /// <summary>A header as it may be logged: short, without control characters.</summary>
    private static string Shown(string? header) =>
        header is null ? "(none)" : PolicyBot.Core.Chat.ControlCharacters.Strip(header.Length > 80 ? header[..80] : header);

    /// <summary>The raw bytes, as signed; null when larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            if (length > limit)
            {
                return null;
            }

            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request from {Remote}: signature check {Check}")]
    private partial void LogRefused(SignatureCheck check, string remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack retry {RetryNum} ({Reason}); duplicates are dropped by delivery id")]
    private partial void LogRetry(string retryNum, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A signed Slack request of {Bytes} bytes ({ContentType}) had malformed JSON")]
    private partial void LogMalformed(int bytes, string contentType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A signed Slack request of {Bytes} bytes ({ContentType}) is not valid UTF-8; refused with 400")]
    private partial void LogNotUtf8(int bytes, string contentType);
}
