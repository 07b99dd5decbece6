using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>results &lt;poll&gt;</c>: the tally so far (unless hidden), or the final results with a chart once closed.</summary>
public sealed class ResultsCommand(PollService polls) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("results", "Show a poll's results (hidden polls: after closing).", "<poll>")
    {
        Arguments = [PollArguments.PollNumber],
        Examples = ["12"],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var found = await polls.FindPollAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (!found.Succeeded)
        {
            return Reply.Error(found.Error);
        }

        var poll = found.Value;
        var now = polls.Now;
        var tally = await polls.TallyAsync(poll, cancellationToken).ConfigureAwait(false);
        if (!poll.ShowsCountsAt(now))
        {
            return PollResults.Hidden(poll, tally, now);
        }

        return PollResults.Render(poll, tally, now, withChart: poll.IsClosedAt(now));
    }
}
