using System.Globalization;
using System.Text.Json;

namespace PolicyBot.Slack.WebApi;

/// <summary>
/// The message metadata that marks a scheduled post: <c>{"event_type":"policybot_scheduled_post",
/// "event_payload":{"post_key":"…"}}</c>. A retry after a crash looks for its key in the channel's recent history
/// before posting again (Slack has no idempotency key of its own).
/// </summary>
public static class ScheduledPostMetadata
{
    public const string EventType = "policybot_scheduled_post";

    /// <summary>How far back before the job's due time the search starts, for clocks that disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>History pages read at most (100 messages each, or 15 for apps Slack limits); a channel rarely needs more.</summary>
    public const int MaxHistoryPages = 10;

    public static void Write(Utf8JsonWriter writer, string postKey)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("event_type", EventType);
        writer.WriteStartObject("event_payload");
        writer.WriteString("post_key", postKey);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The ts of the message in a history answer that carries <paramref name="postKey"/>, if any.</summary>
    public static string? FindTs(JsonElement answer, string postKey)
    {
        if (!answer.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.String("ts") is { Length: > 0 } ts
                && message.Object("metadata") is var metadata
                && metadata.String("event_type") == EventType
                && metadata.Object("event_payload").String("post_key") == postKey)
            {
                return ts;
            }
        }

        return null;
    }

    /// <summary>An instant as Slack writes message timestamps: seconds and microseconds.</summary>
    public static string SlackTimestamp(DateTimeOffset instant)
    {
        var microseconds = (instant - DateTimeOffset.UnixEpoch).Ticks / 10;
        return string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1_000_000}.{microseconds % 1_000_000:D6}");
    }
}
