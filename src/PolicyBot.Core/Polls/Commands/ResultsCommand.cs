using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>results &lt;poll&gt;</c>: the tally so far (unless hidden), or the final results with a chart once closed.</summary>
public sealed class ResultsCommand(PollService polls) : SinglePollCommand(polls, "results", "Show a poll's results (hidden polls: after closing).")
{
    protected override async Task<Reply> HandleAsync(Poll poll, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var now = Polls.Now;
        var tally = await Polls.TallyAsync(poll, cancellationToken).ConfigureAwait(false);
        if (!poll.ShowsCountsAt(now))
        {
            return PollResults.Hidden(poll, tally, now);
        }

        return PollResults.Render(poll, tally, now, withChart: poll.IsClosedAt(now));
    }
}
