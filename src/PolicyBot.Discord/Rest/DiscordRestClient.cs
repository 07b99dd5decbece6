using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Diagnostics;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// Discord's REST API with its rules built in: per-bucket and global rate limits, 429s waited out, 5xx retried with
/// backoff, and the invalid-request guard. Paths are relative to <c>Discord:ApiBaseUrl</c> (e.g. <c>channels/1/messages</c>).
/// Logs name route templates only: interaction and webhook tokens are secrets too.
/// </summary>
public sealed partial class DiscordRestClient(IHttpClientFactory httpClientFactory, DiscordRateLimits limits, TimeProvider timeProvider, ILogger<DiscordRestClient> logger,
    BotMetrics? metrics = null)
{
    public const string UserAgent = "DiscordBot (https://github.com/policybot, 1.0)";

    /// <summary>The named HttpClient (base address, User-Agent, Authorization) configured by AddDiscordAdapter.</summary>
    public const string HttpClientName = "PolicyBot.Discord";
    private const int MaxRateLimitRetries = 5;
    private const int MaxServerErrorRetries = 3;
    private static readonly TimeSpan ServerErrorBaseDelay = TimeSpan.FromMilliseconds(500);
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends JSON (or nothing) and returns the parsed answer, or null for 204.</summary>
    public Task<JsonDocument?> SendJsonAsync<T>(HttpMethod method, string path, T? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body is null ? null : () => JsonContent(body), cancellationToken);

    public Task<JsonDocument?> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        SendAsync(method, path, null, cancellationToken);

    /// <summary>Sends a message body, as multipart (payload_json + files[n]) when it carries files.</summary>
    public Task<JsonDocument?> SendMessageAsync(HttpMethod method, string path, object payload, IReadOnlyList<Attachment> files, CancellationToken cancellationToken) =>
        files.Count == 0
            ? SendAsync(method, path, () => JsonContent(payload), cancellationToken)
            : SendAsync(method, path, () => MultipartContent(payload, files), cancellationToken);

    /// <summary>The core loop: one attempt per iteration; the content factory builds a fresh body for each attempt.</summary>
    public async Task<JsonDocument?> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Create(method, path);
        var http = httpClientFactory.CreateClient(HttpClientName);
        var rateLimited = 0;
        var serverErrors = 0;
        while (true)
        {
            limits.InvalidRequests.EnsureMaySend();
            var bucket = limits.Buckets.GetBucket(route);
            HttpResponseMessage response;
            using (await bucket.AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                if (route.CountsTowardsGlobalLimit)
                {
                    await limits.Global.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                using var request = new HttpRequestMessage(method, route.Path) { Content = content?.Invoke() };
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (serverErrors < MaxServerErrorRetries)
                {
                    LogNetworkError(route.RouteKey, ex.Message);
                    serverErrors++;
                    await DelayAsync(Backoff(serverErrors), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var bucketHash = response.Headers.TryGetValues("X-RateLimit-Bucket", out var hashes) ? hashes.FirstOrDefault() : null;
                bucket = limits.Buckets.Learn(route, bucketHash, bucket);
                bucket.Update(response.Headers);
                var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var scopes) ? scopes.FirstOrDefault() : null;
                limits.InvalidRequests.Record((int)response.StatusCode, scope);

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                    response.Dispose();
                    if (global)
                    {
                        limits.Global.PauseFor(retryAfter);
                    }
                    else
                    {
                        bucket.Exhaust(retryAfter);
                    }

                    metrics?.RateLimitedByPlatform("discord");
                    LogRateLimited(route.RouteKey, retryAfter.TotalMilliseconds, global, scope ?? "user");
                    if (++rateLimited > MaxRateLimitRetries)
                    {
                        throw new DiscordRestException(HttpStatusCode.TooManyRequests, 0, $"Discord kept rate-limiting {route.RouteKey}.");
                    }

                    continue;
                }
            }

            using (response)
            {
                if ((int)response.StatusCode >= 500 && serverErrors < MaxServerErrorRetries)
                {
                    serverErrors++;
                    var delay = Backoff(serverErrors);
                    LogServerError(route.RouteKey, (int)response.StatusCode, delay.TotalMilliseconds);
                    await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    return response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                        ? null
                        : await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
                }

                throw await FailureAsync(route, response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<DiscordRestException> FailureAsync(DiscordRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = 0;
        var message = response.ReasonPhrase ?? response.StatusCode.ToString();
        using (var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false))
        {
            if (body is not null && body.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = body.RootElement.GetInt("code") ?? 0;
                message = body.RootElement.GetString("message") ?? message;
            }
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            LogTokenRejected(route.RouteKey);
        }
        else
        {
            LogRequestFailed(route.RouteKey, (int)response.StatusCode, code, message);
        }

        return new DiscordRestException(response.StatusCode, code, $"Discord answered {(int)response.StatusCode} on {route.RouteKey}: {message} (code {code}).");
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = response.Headers.Contains("X-RateLimit-Global");
        using (var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false))
        {
            if (body is not null && body.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (body.RootElement.TryGetProperty("retry_after", out var value) && value.ValueKind == JsonValueKind.Number)
                {
                    seconds = value.GetDouble();
                }

                global |= body.RootElement.GetBool("global");
            }
        }

        if (seconds is null && response.Headers.RetryAfter?.Delta is { } delta)
        {
            seconds = delta.TotalSeconds;
        }

        if (seconds is null && RateLimitBucket.TryGetDouble(response.Headers, "X-RateLimit-Reset-After", out var resetAfter))
        {
            seconds = resetAfter;
        }

        // Unknown wait: one second is Discord's smallest common window.
        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 3600)), global);
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        ServerErrorBaseDelay * Math.Pow(2, attempt - 1) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, timeProvider, cancellationToken);

    internal static HttpContent JsonContent(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    internal static HttpContent MultipartContent(object payload, IReadOnlyList<Attachment> files)
    {
        var multipart = new MultipartFormDataContent();
        multipart.Add(JsonContent(payload), "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.TryParse(files[i].ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            multipart.Add(file, $"files[{i}]", SafeFileName(files[i].FileName));
        }

        return multipart;
    }

    private static string SafeFileName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in Path.GetFileName(name))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "file" : builder.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route}: waiting {RetryAfterMs} ms (global {Global}, scope {Scope})")]
    private partial void LogRateLimited(string route, double retryAfterMs, bool global, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} on {Route}; retrying in {DelayMs} ms")]
    private partial void LogServerError(string route, int status, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network error calling Discord {Route}: {Error}; retrying")]
    private partial void LogNetworkError(string route, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused {Route}: {Status} code {Code}: {Message}")]
    private partial void LogRequestFailed(string route, int status, int code, string message);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token (401 on {Route}); no further REST calls are made with it. Check Discord:Token.")]
    private partial void LogTokenRejected(string route);
}
