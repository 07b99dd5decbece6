using System.Globalization;
using System.Text;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Polls;

/// <summary>The results message: text bars for every client, plus a PNG chart once the poll is closed.</summary>
public static class PollResults
{
    public static Reply Render(Poll poll, PollTally tally, DateTimeOffset now, bool withChart)
    {
        var closed = poll.IsClosedAt(now);
        var text = new StringBuilder(TextBars.Render(poll, tally, showCounts: true));
        text.AppendLine().Append(PollCard.Describe(poll, tally, now));
        if (closed && tally.Voters > 0)
        {
            text.AppendLine().Append(Leaders(poll, tally));
        }

        var reply = new Reply(text.ToString())
        {
            Title = $"{(closed ? "Final results" : "Results so far")} of poll #{poll.Id}: {MentionGuard.Defuse(poll.Question)}",
        };
        return withChart
            ? reply with
            {
                Attachments = [new Attachment(
                    $"poll-{poll.Id.ToString(CultureInfo.InvariantCulture)}-results.png",
                    ResultChart.ContentType,
                    ResultChart.RenderPng(poll, tally),
                    $"Bar chart of the results of poll #{poll.Id}")],
            }
            : reply;
    }

    /// <summary>The refusal for <c>results</c> on a hidden poll that is still open.</summary>
    public static Reply Hidden(Poll poll, PollTally tally, DateTimeOffset now) =>
        Reply.Private($"Poll #{poll.Id} keeps its results hidden until it closes. So far: {PollCard.Describe(poll, tally, now)}.");

    private static string Leaders(Poll poll, PollTally tally)
    {
        var top = tally.Counts.Max();
        var leaders = Enumerable.Range(0, poll.Options.Length).Where(i => tally.Counts[i] == top).ToArray();
        return leaders.Length == 1
            ? $"Most chosen: **{leaders[0] + 1}. {MentionGuard.Defuse(poll.Options[leaders[0]])}**"
            : $"Tie between {string.Join(" and ", leaders.Select(i => $"**{i + 1}. {MentionGuard.Defuse(poll.Options[i])}**"))}";
    }
}
