using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>unvote &lt;poll&gt;</c>: withdraws your ballot while the poll is open.</summary>
public sealed class UnvoteCommand(PollService polls) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("unvote", "Withdraw your vote from an open poll.", "<poll>")
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
        var outcome = await polls.VoteAsync(poll, invocation.Sender, [], invocation.DeliveryId, null, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BallotOutcome.Withdrawn or BallotOutcome.Duplicate => Reply.Private($"Your vote in poll #{poll.Id} is withdrawn."),
            BallotOutcome.NothingToWithdraw => Reply.Private($"You have no vote in poll #{poll.Id} to withdraw."),
            BallotOutcome.PollClosed => Reply.Error($"Poll #{poll.Id} is closed; its votes can no longer change."),
            _ => Reply.Error($"There is no poll #{poll.Id} any more."),
        };
    }
}
