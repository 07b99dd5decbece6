using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>close &lt;poll&gt;</c>: the creator or an admin ends a poll; the reply is the final result with its chart.</summary>
public sealed class ClosePollCommand(PollService polls) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("close", "Close a poll you started (admins: any poll) and post the final results.", "<poll>")
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
        if (!poll.MayBeClosedBy(invocation.Sender))
        {
            return Reply.Error($"Only the person who started poll #{poll.Id} or an admin can close it.");
        }

        if (!await polls.CloseAsync(poll, polls.Now, cancelAutoClose: true, cancellationToken).ConfigureAwait(false))
        {
            return Reply.Error($"Poll #{poll.Id} is already closed. `results {poll.Id}` shows how it ended.");
        }

        var closed = await polls.ReloadAsync(poll.Id, cancellationToken).ConfigureAwait(false) ?? poll;
        var tally = await polls.TallyAsync(closed, cancellationToken).ConfigureAwait(false);
        var reply = PollResults.Render(closed, tally, polls.Now, withChart: true);
        await polls.MarkResultsPostedAsync(closed, cancellationToken).ConfigureAwait(false);
        return reply;
    }
}
