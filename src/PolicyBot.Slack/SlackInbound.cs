using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace PolicyBot.Slack;

/// <summary>A slash command, from an HTTP form or a Socket Mode payload (the same fields either way).</summary>
public sealed record SlashCommandRequest(
    string Command,
    string Text,
    string UserId,
    string UserName,
    string ChannelId,
    string TriggerId,
    string? ResponseUrl)
{
    /// <summary>
    /// What identifies this very delivery when it has no <c>trigger_id</c>: the signature and its timestamp over HTTP,
    /// the envelope id in Socket Mode. A replay of the same request carries the same key and is handled once.
    /// </summary>
    public string? ReplayKey { get; init; }

    /// <summary>The workspace (and Enterprise Grid organisation) the command came from.</summary>
    public string TeamId { get; init; } = string.Empty;

    public string EnterpriseId { get; init; } = string.Empty;

    public static SlashCommandRequest FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : string.Empty;
        return new(Field("command"), Field("text"), Field("user_id"), Field("user_name"), Field("channel_id"),
            Field("trigger_id"), NullIfEmpty(Field("response_url")))
        {
            TeamId = Field("team_id"),
            EnterpriseId = Field("enterprise_id"),
        };
    }

    public static SlashCommandRequest FromJson(JsonElement payload) =>
        new(payload.String("command"), payload.String("text"), payload.String("user_id"), payload.String("user_name"),
            payload.String("channel_id"), payload.String("trigger_id"), NullIfEmpty(payload.String("response_url")))
        {
            TeamId = payload.String("team_id"),
            EnterpriseId = payload.String("enterprise_id"),
        };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>One clicked element of a <c>block_actions</c> payload.</summary>
public sealed record ClickedAction(string ActionId, string ActionTs);

/// <summary>A <c>block_actions</c> interaction: who clicked which buttons on which message.</summary>
public sealed record BlockActionsRequest(
    string UserId,
    string UserName,
    string ChannelId,
    string? MessageTs,
    string? ThreadTs,
    string? ResponseUrl,
    string TriggerId,
    IReadOnlyList<ClickedAction> Actions)
{
    /// <summary>The clicker's workspace and Enterprise Grid organisation.</summary>
    public string TeamId { get; init; } = string.Empty;

    public string EnterpriseId { get; init; } = string.Empty;

    public static BlockActionsRequest? TryParse(JsonElement payload)
    {
        if (payload.String("type") != "block_actions")
        {
            return null;
        }

        var user = payload.Object("user");
        var container = payload.Object("container");
        var message = payload.Object("message");
        var channel = payload.Object("channel").String("id");
        if (channel.Length == 0)
        {
            channel = container.String("channel_id");
        }

        var actions = new List<ClickedAction>();
        if (payload.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in list.EnumerateArray())
            {
                var id = action.String("action_id");
                if (id.Length > 0)
                {
                    actions.Add(new ClickedAction(id, action.String("action_ts")));
                }
            }
        }

        var messageTs = container.String("message_ts") is { Length: > 0 } ts ? ts : message.String("ts");
        var threadTs = message.String("thread_ts") is { Length: > 0 } thread && thread != messageTs ? thread : null;
        var responseUrl = payload.String("response_url");
        return new BlockActionsRequest(
            user.String("id"),
            user.String("name") is { Length: > 0 } name ? name : user.String("username"),
            channel,
            messageTs.Length == 0 ? null : messageTs,
            threadTs,
            responseUrl.Length == 0 ? null : responseUrl,
            payload.String("trigger_id"),
            actions)
        {
            TeamId = payload.Object("team").String("id") is { Length: > 0 } team ? team : user.String("team_id"),
            EnterpriseId = payload.Object("enterprise").String("id"),
        };
    }
}

/// <summary>An <c>app_mention</c> event from an <c>event_callback</c>.</summary>
public sealed record MentionEvent(string EventId, string UserId, string ChannelId, string Text, string Ts, string? ThreadTs)
{
    /// <summary>The workspace and Enterprise Grid organisation the event came from.</summary>
    public string TeamId { get; init; } = string.Empty;

    public string EnterpriseId { get; init; } = string.Empty;

    /// <summary>Null for other events, and for mentions posted by bots (answering them could loop).</summary>
    public static MentionEvent? TryParse(JsonElement envelope)
    {
        var mention = envelope.Object("event");
        if (mention.String("type") != "app_mention" || mention.TryGetProperty("bot_id", out _))
        {
            return null;
        }

        var threadTs = mention.String("thread_ts");
        return new MentionEvent(envelope.String("event_id"), mention.String("user"), mention.String("channel"),
            mention.String("text"), mention.String("ts"), threadTs.Length == 0 ? null : threadTs)
        {
            TeamId = envelope.String("team_id"),
            EnterpriseId = envelope.String("enterprise_id"),
        };
    }
}

internal static class SlackJsonElementExtensions
{
    /// <summary>A string property, or empty when absent or not a string: Slack payloads vary, a missing field is no crash.</summary>
    public static string String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? string.Empty
            : string.Empty;

    public static JsonElement Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;
}
