using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Slack.BlockKit;

namespace PolicyBot.Slack.WebApi;

/// <summary>What <c>auth.test</c> says about the bot token.</summary>
public sealed record SlackIdentity(string TeamId, string UserId, string? BotId);

/// <summary>
/// Slack's Web API over <see cref="HttpClient"/>: Bearer token in the header (never the query), <c>ok</c> checked on
/// every answer, a 429 waits out <c>Retry-After</c> for that method only, and posts to one channel are queued in order.
/// </summary>
public sealed partial class SlackWebApiClient(
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    MethodRateLimits rateLimits,
    ChannelSendQueue channelQueue,
    ILogger<SlackWebApiClient> logger,
    BotMetrics? metrics = null)
{
    public const string HttpClientName = "PolicyBot.Slack.WebApi";

    /// <summary>For upload URLs and <c>response_url</c>s: absolute URLs that must never see our token.</summary>
    public const string ExternalHttpClientName = "PolicyBot.Slack.External";

    private const int MaxAttempts = 5;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private string BotToken => options.Value.BotToken is { Length: > 0 } token
        ? token
        : throw new InvalidOperationException("Slack:BotToken is not configured, so PolicyBot cannot call Slack's Web API.");

    public bool HasBotToken => !string.IsNullOrEmpty(options.Value.BotToken);

    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync("auth.test", [], BotToken, cancellationToken).ConfigureAwait(false);
        return new SlackIdentity(
            answer.GetProperty("team_id").GetString() ?? string.Empty,
            answer.GetProperty("user_id").GetString() ?? string.Empty,
            answer.TryGetProperty("bot_id", out var bot) ? bot.GetString() : null);
    }

    /// <summary>A single-use Socket Mode URL; needs the app-level token.</summary>
    public async Task<Uri> OpenSocketModeConnectionAsync(CancellationToken cancellationToken)
    {
        var appToken = options.Value.AppToken is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("Slack:AppToken is not configured.");
        var answer = await CallFormAsync("apps.connections.open", [], appToken, cancellationToken).ConfigureAwait(false);
        return new Uri(answer.GetProperty("url").GetString() ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    /// <summary>Posts into a channel (or thread) and returns the message's <c>ts</c>.</summary>
    public Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, threadTs, message, postKey: null, cancellationToken);

    /// <param name="postKey">A scheduled post's key, kept in the message's metadata so a retry can find the message.</param>
    public Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, string? postKey, CancellationToken cancellationToken) =>
        channelQueue.RunAsync(channel, async ct =>
        {
            var body = SlackMessageJson.Write(writer =>
            {
                writer.WriteString("channel", channel);
                if (threadTs is not null)
                {
                    writer.WriteString("thread_ts", threadTs);
                }

                writer.WriteBoolean("unfurl_links", false);
                SlackMessageJson.WriteContent(writer, message);
                if (postKey is not null)
                {
                    ScheduledPostMetadata.Write(writer, postKey);
                }
            });
            var answer = await CallJsonAsync("chat.postMessage", body, BotToken, ct).ConfigureAwait(false);
            return answer.GetProperty("ts").GetString() ?? throw new SlackApiException("chat.postMessage", "no_ts");
        }, cancellationToken);

    /// <summary>
    /// The <c>ts</c> of a message posted with <paramref name="postKey"/> in its metadata since <paramref name="notBefore"/>,
    /// read from the channel's history (a thread's replies when <paramref name="threadTs"/> is set); null when there is none.
    /// </summary>
    public async Task<string?> FindPostAsync(string channel, string? threadTs, string postKey, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        var cursor = string.Empty;
        for (var page = 0; page < ScheduledPostMetadata.MaxHistoryPages; page++)
        {
            List<KeyValuePair<string, string>> form =
            [
                new("channel", channel),
                new("oldest", ScheduledPostMetadata.SlackTimestamp(notBefore - ScheduledPostMetadata.ClockSkew)),
                new("limit", "100"),
                new("include_all_metadata", "true"),
            ];
            if (threadTs is not null)
            {
                form.Add(new("ts", threadTs));
            }

            if (cursor.Length > 0)
            {
                form.Add(new("cursor", cursor));
            }

            var answer = await CallFormAsync(method, form, BotToken, cancellationToken).ConfigureAwait(false);
            if (ScheduledPostMetadata.FindTs(answer, postKey) is { } ts)
            {
                return ts;
            }

            cursor = answer.TryGetProperty("response_metadata", out var metadata) && metadata.TryGetProperty("next_cursor", out var next)
                ? next.GetString() ?? string.Empty
                : string.Empty;
            if (cursor.Length == 0)
            {
                return null;
            }
        }

        return null;
    }

    public Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        channelQueue.RunAsync(channel, async ct =>
        {
            var body = SlackMessageJson.Write(writer =>
            {
                writer.WriteString("channel", channel);
                writer.WriteString("ts", ts);
                SlackMessageJson.WriteContent(writer, message);
            });
            return await CallJsonAsync("chat.update", body, BotToken, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>A message only <paramref name="user"/> sees. Not queued per channel: it is not a channel post.</summary>
    public async Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = SlackMessageJson.Write(writer =>
        {
            writer.WriteString("channel", channel);
            writer.WriteString("user", user);
            if (threadTs is not null)
            {
                writer.WriteString("thread_ts", threadTs);
            }

            SlackMessageJson.WriteContent(writer, message);
        });
        await CallJsonAsync("chat.postEphemeral", body, BotToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Slack's three-step upload (files.upload is retired): get an upload URL, POST the bytes there, then complete
    /// the upload into the channel. Returns the file id.
    /// </summary>
    public async Task<string> UploadFileAsync(string channel, string? threadTs, Attachment attachment, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("filename", attachment.FileName),
            new("length", attachment.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        if (!string.IsNullOrWhiteSpace(attachment.Description))
        {
            form.Add(new("alt_text", BlockKitRenderer.Truncate(attachment.Description, 1000)));
        }

        var ticket = await CallFormAsync("files.getUploadURLExternal", form, BotToken, cancellationToken).ConfigureAwait(false);
        var uploadUrl = ticket.GetProperty("upload_url").GetString() ?? throw new SlackApiException("files.getUploadURLExternal", "no_upload_url");
        var fileId = ticket.GetProperty("file_id").GetString() ?? throw new SlackApiException("files.getUploadURLExternal", "no_file_id");

        using (var upload = new ByteArrayContent(attachment.Content.ToArray()))
        {
            upload.Headers.ContentType = MediaTypeHeaderValue.Parse(attachment.ContentType);
            using var response = await httpClients.CreateClient(ExternalHttpClientName)
                .PostAsync(new Uri(uploadUrl), upload, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("files.upload(url)", $"http_{(int)response.StatusCode}");
            }
        }

        // Completing with channel_id is what shares the file in the channel: it is a channel post, so it queues.
        await channelQueue.RunAsync(channel, async ct =>
        {
            var body = SlackMessageJson.Write(writer =>
            {
                writer.WriteStartArray("files");
                writer.WriteStartObject();
                writer.WriteString("id", fileId);
                writer.WriteString("title", attachment.Description ?? attachment.FileName);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteString("channel_id", channel);
                if (threadTs is not null)
                {
                    writer.WriteString("thread_ts", threadTs);
                }
            });
            return await CallJsonAsync("files.completeUploadExternal", body, BotToken, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return fileId;
    }

    /// <summary>Answers an interaction through its <c>response_url</c> (valid 30 minutes, 5 uses).</summary>
    public async Task PostToResponseUrlAsync(Uri responseUrl, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        using var response = await httpClients.CreateClient(ExternalHttpClientName)
            .PostAsync(responseUrl, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    public Task<JsonElement> CallJsonAsync(string method, byte[] json, string token, CancellationToken cancellationToken) =>
        CallAsync(method, () =>
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = JsonContentType;
            return content;
        }, token, cancellationToken);

    public Task<JsonElement> CallFormAsync(string method, IReadOnlyList<KeyValuePair<string, string>> form, string token, CancellationToken cancellationToken) =>
        CallAsync(method, () => new FormUrlEncodedContent(form), token, cancellationToken);

    private async Task<JsonElement> CallAsync(string method, Func<HttpContent> content, string token, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            await rateLimits.WaitAsync(method, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfter(response);
                rateLimits.Block(method, retryAfter);
                metrics?.RateLimitedByPlatform("slack");
                LogRateLimited(method, retryAfter.TotalSeconds, attempt);
                if (attempt >= MaxAttempts)
                {
                    throw new SlackApiException(method, "ratelimited");
                }

                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var code)
                    ? code.GetString() ?? "unknown_error"
                    : "unknown_error";
                LogCallFailed(method, error);
                throw new SlackApiException(method, error);
            }

            if (root.TryGetProperty("warning", out var warning))
            {
                LogWarning(method, warning.ToString());
            }

            return root.Clone();
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date && response.Headers.Date is { } now && date > now ? date - now : DefaultRetryAfter;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; waiting {Seconds} s (attempt {Attempt})")]
    private partial void LogRateLimited(string method, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack method {Method} answered ok:false, error {Error}")]
    private partial void LogCallFailed(string method, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack method {Method} warned: {Warning}")]
    private partial void LogWarning(string method, string warning);
}
