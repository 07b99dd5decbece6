using System.Globalization;
using System.Text.Json;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// One countdown post of one deadline to one channel: a due job of kind <see cref="ReminderJobs.DeadlinePostKind"/>.
/// Its key names the deadline, the occurrence, its instant and the channel, so materialising it twice (a restart, a
/// second instance) finds the same row, and a channel whose post failed is retried without re-posting to the others.
/// </summary>
public sealed record DeadlinePost(string Deadline, string Occurrence, DateTimeOffset DeadlineDueAt, DateTimeOffset At, ConversationRef Channel)
{
    public const string Passed = "passed";
    public const string Cron = "cron";

    public string Key => string.Join('|', Deadline, Occurrence, At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Channel.ToString());

    public string ToPayload() => JsonSerializer.Serialize(new Payload(Deadline, Occurrence, DeadlineDueAt.ToUnixTimeMilliseconds(), Channel.Platform, Channel.ChannelId, Channel.ThreadId));

    public static DeadlinePost? FromPayload(string json, DateTimeOffset at)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(json);
            return payload is null
                ? null
                : new DeadlinePost(payload.Deadline, payload.Occurrence, DateTimeOffset.FromUnixTimeMilliseconds(payload.DueMs), at,
                    new ConversationRef(payload.Platform, payload.ChannelId, payload.ThreadId));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every post of the deadline still ahead of <paramref name="now"/>: offsets, the next cron time, and the "passed" post.</summary>
    public static IEnumerable<DeadlinePost> Upcoming(Deadline deadline, DateTimeOffset now)
    {
        foreach (var channel in deadline.Channels)
        {
            foreach (var (text, before) in deadline.Offsets)
            {
                var at = deadline.DueAt - before;
                if (at > now)
                {
                    yield return new DeadlinePost(deadline.Name, "offset:" + text, deadline.DueAt, at, channel);
                }
            }

            if (NextCron(deadline, now, channel) is { } cron)
            {
                yield return cron;
            }

            if (deadline.DueAt > now)
            {
                yield return new DeadlinePost(deadline.Name, Passed, deadline.DueAt, deadline.DueAt, channel);
            }
        }
    }

    /// <summary>The cron post after <paramref name="after"/>, if one falls before the due time.</summary>
    public static DeadlinePost? NextCron(Deadline deadline, DateTimeOffset after, ConversationRef channel)
    {
        var next = deadline.Cron?.GetNextOccurrence(after, deadline.Zone);
        return next is { } at && at < deadline.DueAt ? new DeadlinePost(deadline.Name, Cron, deadline.DueAt, at, channel) : null;
    }

    private sealed record Payload(string Deadline, string Occurrence, long DueMs, string Platform, string ChannelId, string? ThreadId);
}
