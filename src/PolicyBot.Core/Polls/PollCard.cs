using System.Globalization;
using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls;

/// <summary>The poll message: question, options (with bars unless hidden), voters, closing time and one button per option.</summary>
public static class PollCard
{
    public const string TrackingKeyPrefix = "poll:";

    public static string TrackingKey(long pollId) => TrackingKeyPrefix + pollId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseTrackingKey(string trackingKey, out long pollId)
    {
        pollId = 0;
        return trackingKey.StartsWith(TrackingKeyPrefix, StringComparison.Ordinal)
            && long.TryParse(trackingKey.AsSpan(TrackingKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out pollId);
    }

    public static Reply Render(Poll poll, PollTally tally, DateTimeOffset now, string prefix)
    {
        var closed = poll.IsClosedAt(now);
        var text = new StringBuilder(TextBars.Render(poll, tally, poll.ShowsCountsAt(now)));
        text.AppendLine().Append(Describe(poll, tally, now));
        if (!poll.ShowsCountsAt(now))
        {
            text.AppendLine().Append("_Results are hidden until the poll closes._");
        }

        return new Reply(text.ToString())
        {
            Title = $"{(closed ? "Closed poll" : "Poll")} #{poll.Id}: {MentionGuard.Defuse(poll.Question)}",
            Actions = closed
                ? []
                : [.. poll.Options.Select((label, index) => new ReplyAction(
                    ActionId.Create("vote", poll.Id, index + 1),
                    ButtonLabel(index + 1, label)))],
            Footer = closed
                ? $"Final results: {prefix}results {poll.Id}"
                : $"Vote with the buttons or {prefix}vote {poll.Id} <option> · {prefix}unvote {poll.Id} withdraws",
            TrackingKey = TrackingKey(poll.Id),
        };
    }

    /// <summary>"7 voters · pick up to 2 · anonymous · closes 2026-12-31 17:00 UTC (in 3 d 4 h)".</summary>
    public static string Describe(Poll poll, PollTally tally, DateTimeOffset now)
    {
        var parts = new List<string> { tally.Voters == 1 ? "**1** voter" : $"**{tally.Voters.ToString(CultureInfo.InvariantCulture)}** voters" };
        parts.Add(poll.MaxChoices == 1 ? "one choice" : $"pick up to {poll.MaxChoices}");
        if (poll.Anonymous)
        {
            parts.Add("anonymous");
        }

        if (poll.ClosedAt is { } closedAt)
        {
            parts.Add($"closed {FormatTime(closedAt)}");
        }
        else if (poll.ClosesAt is { } closesAt)
        {
            parts.Add(closesAt <= now ? $"closed {FormatTime(closesAt)}" : $"closes {FormatTime(closesAt)} (in {FormatSpan(closesAt - now)})");
        }

        return string.Join(" · ", parts);
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string FormatSpan(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min",
        { TotalHours: < 24 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };

    private static string ButtonLabel(int number, string label)
    {
        var full = $"{number}. {label}";
        return MentionGuard.Defuse(full.Length <= PollLimits.MaxOptionLength ? full : full[..(PollLimits.MaxOptionLength - 1)] + "…");
    }
}
