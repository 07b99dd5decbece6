using System.Text.Json;

namespace PolicyBot.Discord.Rest;

/// <summary>
/// How a retried scheduled post recognises itself in a channel. Discord keeps an enforced nonce only for a few minutes
/// and does not return it when messages are read, so after that the post is known by its author (the bot) and by what
/// it says: the same content and the same embed titles and descriptions. A post whose later lines may differ (a
/// reminder's "late by" line) is known by its opening: content and descriptions that start as the opening rendered. A
/// post that reads differently otherwise (a countdown that moved on) is not recognised and is posted again.
/// </summary>
public static class ScheduledPostHistory
{
    /// <summary>How far back before the job's due time the search starts, for clocks that disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Discord's largest page; one page is read, so only this many messages after the due time are looked at.</summary>
    public const int PageSize = 100;

    /// <summary>The id of a message in a <c>GET /channels/{id}/messages</c> answer that the bot wrote and that reads as <paramref name="post"/>.</summary>
    /// <param name="openingOnly"><paramref name="post"/> is the post's opening: a message whose content and embed descriptions are its, or its followed by more lines, reads as it.</param>
    public static string? FindId(JsonElement messages, string botUserId, MessagePayload post, bool openingOnly)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.GetString("id") is { Length: > 0 } id
                && message.GetObject("author").GetString("id") == botUserId
                && ReadsAs(message, post, openingOnly))
            {
                return id;
            }
        }

        return null;
    }

    private static bool ReadsAs(JsonElement message, MessagePayload post, bool openingOnly)
    {
        if (!SameText(message.GetString("content"), post.Content, openingOnly))
        {
            return false;
        }

        // Embed-only posts (poll results) have no content: without the embeds every such post of the bot would match.
        var embeds = message.GetArray("embeds").ToArray();
        var expected = post.Embeds ?? [];
        if (embeds.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < embeds.Length; i++)
        {
            if (!SameText(embeds[i].GetString("title"), expected[i].Title) || !SameText(embeds[i].GetString("description"), expected[i].Description, openingOnly))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Discord leaves an empty field out or sends it empty; both mean "none". An opening matches itself followed by more
    /// lines only, so "submit the budget" is not taken for a post of "submit the budget report".
    /// </summary>
    private static bool SameText(string? seen, string? sent, bool openingOnly = false)
    {
        var (seenText, sentText) = (seen ?? string.Empty, sent ?? string.Empty);
        return seenText.Equals(sentText, StringComparison.Ordinal)
            || (openingOnly && seenText.StartsWith(sentText + "\n", StringComparison.Ordinal));
    }
}
