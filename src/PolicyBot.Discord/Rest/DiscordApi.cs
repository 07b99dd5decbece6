using System.Text.Json;
using PolicyBot.Core.Chat;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// What <c>GET /gateway/bot</c> tells us: where to connect, how many shards, how many identifies per 5 s, and how many
/// session starts (identifies) are left of the daily budget and when it refills.
/// </summary>
public sealed record GatewayBotInfo(string Url, int RecommendedShards, int MaxConcurrency)
{
    public SessionStartLimit SessionStarts { get; init; } = SessionStartLimit.Unknown;
}

/// <summary><c>session_start_limit</c>: identifies left (RESUME does not count) and when the budget is full again.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter)
{
    /// <summary>Discord's usual budget, assumed when the field is missing.</summary>
    public static readonly SessionStartLimit Unknown = new(1000, 1000, TimeSpan.Zero);
}

/// <summary>The endpoints PolicyBot uses, on top of <see cref="DiscordRestClient"/>.</summary>
public static class DiscordApi
{
    public static async Task<GatewayBotInfo> GetGatewayBotAsync(this DiscordRestClient client, CancellationToken cancellationToken)
    {
        using var body = await client.SendAsync(HttpMethod.Get, "gateway/bot", cancellationToken).ConfigureAwait(false)
                         ?? throw new DiscordRestException(System.Net.HttpStatusCode.OK, 0, "GET /gateway/bot returned no body.");
        var root = body.RootElement;
        var url = root.GetString("url") ?? throw new DiscordRestException(System.Net.HttpStatusCode.OK, 0, "GET /gateway/bot returned no url.");
        var shards = Math.Max(1, root.GetInt("shards") ?? 1);
        var limit = root.GetObject("session_start_limit");
        var maxConcurrency = Math.Max(1, limit.GetInt("max_concurrency") ?? 1);
        var total = limit.GetInt("total") ?? SessionStartLimit.Unknown.Total;
        var starts = new SessionStartLimit(total, Math.Clamp(limit.GetInt("remaining") ?? total, 0, total), TimeSpan.FromMilliseconds(Math.Max(0, limit.GetInt("reset_after") ?? 0)));
        return new GatewayBotInfo(url, shards, maxConcurrency) { SessionStarts = starts };
    }

    /// <summary>
    /// Creates a message. It always carries an enforced nonce: the caller's (a scheduled post's key, the same on every
    /// retry after a crash) or a fresh one, so the client's own retry after a dropped connection cannot post twice.
    /// </summary>
    public static async Task<string> CreateMessageAsync(this DiscordRestClient client, string channelId, RenderedMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Payload with { Nonce = message.Payload.Nonce ?? NewNonce(), EnforceNonce = true };
        using var body = await client.SendMessageAsync(HttpMethod.Post, $"channels/{channelId}/messages", payload, message.Files, cancellationToken).ConfigureAwait(false);
        return MessageId(body);
    }

    public static async Task EditMessageAsync(this DiscordRestClient client, string channelId, string messageId, RenderedMessage message, CancellationToken cancellationToken)
    {
        using var _ = await client.SendMessageAsync(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", message.Payload, message.Files, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers an interaction. With <paramref name="withResponse"/> Discord returns the created message, whose id we report.</summary>
    public static async Task<string?> RespondToInteractionAsync(
        this DiscordRestClient client, string interactionId, string token, int type, RenderedMessage? message, bool withResponse, CancellationToken cancellationToken)
    {
        var path = $"interactions/{interactionId}/{token}/callback{(withResponse ? "?with_response=true" : string.Empty)}";
        var payload = new InteractionCallbackPayload(type, message?.Payload);
        using var body = await client.SendMessageAsync(HttpMethod.Post, path, payload, message?.Files ?? [], cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var root = body.RootElement;
        return root.GetObject("resource").GetObject("message").GetString("id") ?? root.GetObject("interaction").GetString("response_message_id");
    }

    public static async Task<string> EditOriginalResponseAsync(this DiscordRestClient client, string applicationId, string token, RenderedMessage message, CancellationToken cancellationToken)
    {
        using var body = await client.SendMessageAsync(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", message.Payload, message.Files, cancellationToken).ConfigureAwait(false);
        return MessageId(body);
    }

    public static async Task<string> GetOriginalResponseIdAsync(this DiscordRestClient client, string applicationId, string token, CancellationToken cancellationToken)
    {
        using var body = await client.SendAsync(HttpMethod.Get, $"webhooks/{applicationId}/{token}/messages/@original", cancellationToken).ConfigureAwait(false);
        return MessageId(body);
    }

    public static async Task DeleteOriginalResponseAsync(this DiscordRestClient client, string applicationId, string token, CancellationToken cancellationToken)
    {
        using var _ = await client.SendAsync(HttpMethod.Delete, $"webhooks/{applicationId}/{token}/messages/@original", cancellationToken).ConfigureAwait(false);
    }

    public static async Task<string> CreateFollowupAsync(this DiscordRestClient client, string applicationId, string token, RenderedMessage message, CancellationToken cancellationToken)
    {
        using var body = await client.SendMessageAsync(HttpMethod.Post, $"webhooks/{applicationId}/{token}", message.Payload, message.Files, cancellationToken).ConfigureAwait(false);
        return MessageId(body);
    }

    /// <summary>
    /// The id of a message the bot wrote in <paramref name="channelId"/> since <paramref name="notBefore"/> that reads as
    /// <paramref name="post"/>, from one page of the channel's messages; null when there is none (see
    /// <see cref="ScheduledPostHistory"/>). Needs the Read Message History permission.
    /// </summary>
    public static async Task<string?> FindPostAsync(
        this DiscordRestClient client, string channelId, string botUserId, MessagePayload post, DateTimeOffset notBefore, bool openingOnly, CancellationToken cancellationToken)
    {
        var after = Snowflake.JustBefore(notBefore - ScheduledPostHistory.ClockSkew).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var body = await client.SendAsync(HttpMethod.Get, $"channels/{channelId}/messages?after={after}&limit={ScheduledPostHistory.PageSize}", cancellationToken)
            .ConfigureAwait(false);
        return body is null ? null : ScheduledPostHistory.FindId(body.RootElement, botUserId, post, openingOnly);
    }

    /// <summary>The bot's own user id (<c>GET /users/@me</c>), for when READY has not told us yet.</summary>
    public static async Task<string> GetCurrentUserIdAsync(this DiscordRestClient client, CancellationToken cancellationToken)
    {
        using var body = await client.SendAsync(HttpMethod.Get, "users/@me", cancellationToken).ConfigureAwait(false);
        return body?.RootElement.GetString("id") ?? throw new DiscordRestException(System.Net.HttpStatusCode.OK, 0, "GET /users/@me returned no id.");
    }

    /// <summary>Replaces all application commands (per guild when <paramref name="guildId"/> is set, else global).</summary>
    public static async Task BulkOverwriteCommandsAsync(this DiscordRestClient client, string applicationId, string? guildId, object commands, CancellationToken cancellationToken)
    {
        var path = guildId is null ? $"applications/{applicationId}/commands" : $"applications/{applicationId}/guilds/{guildId}/commands";
        using var _ = await client.SendJsonAsync(HttpMethod.Put, path, commands, cancellationToken).ConfigureAwait(false);
    }

    private static string NewNonce() => Guid.NewGuid().ToString("N")[..PostOnce.MaxKeyLength];

    private static string MessageId(JsonDocument? body) =>
        body?.RootElement.GetString("id") ?? throw new DiscordRestException(System.Net.HttpStatusCode.OK, 0, "Discord returned no message id.");
}
