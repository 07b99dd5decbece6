using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>close &lt;poll&gt;</c>: the creator or an admin ends a poll; the reply is the final result with its chart.</summary>
public sealed class ClosePollCommand(PollService polls) : SinglePollCommand(polls, "close", "Close a poll you started (admins: any poll) and post the final results.")
{
    protected override async Task<Reply> HandleAsync(Poll poll, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (!poll.MayBeClosedBy(invocation.Sender))
        {
            return Reply.Error($"Only the person who started poll #{poll.Id} or an admin can close it.");
        }

        if (!await Polls.CloseAsync(poll, Polls.Now, cancelAutoClose: true, cancellationToken).ConfigureAwait(false))
        {
            var results = Polls.Syntax.Of(invocation.Conversation.Platform, "results", poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Reply.Error($"Poll #{poll.Id} is already closed. `{results}` shows how it ended.");
        }

        var closed = await Polls.GetAsync(poll.Id, cancellationToken).ConfigureAwait(false) ?? poll;
        var tally = await Polls.TallyAsync(closed, cancellationToken).ConfigureAwait(false);
        var reply = PollResults.Render(closed, tally, Polls.Now, withChart: true);
        await Polls.MarkResultsPostedAsync(closed, cancellationToken).ConfigureAwait(false);
        return reply;
    }
}
