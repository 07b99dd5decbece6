using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>unvote &lt;poll&gt;</c>: withdraws your ballot while the poll is open.</summary>
public sealed class UnvoteCommand(PollService polls)
    : SinglePollCommand(polls, "unvote", "Withdraw your vote from an open poll.", deduplicatesDeliveries: true) // stored with the withdrawal
{
    protected override async Task<Reply> HandleAsync(Poll poll, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var outcome = await Polls.VoteAsync(poll, invocation.Sender, [], invocation.DeliveryId, null, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BallotOutcome.Duplicate => RepeatedDelivery.Reply,
            BallotOutcome.Withdrawn => Reply.Private($"Your vote in poll #{poll.Id} is withdrawn."),
            BallotOutcome.NothingToWithdraw => Reply.Private($"You have no vote in poll #{poll.Id} to withdraw."),
            BallotOutcome.PollClosed => Reply.Error($"Poll #{poll.Id} is closed; its votes can no longer change."),
            _ => Reply.Error($"There is no poll #{poll.Id} any more."),
        };
    }
}
