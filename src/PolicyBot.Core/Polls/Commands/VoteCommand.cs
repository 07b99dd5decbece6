using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>vote &lt;poll&gt; &lt;option&gt;...</c>; a card button <c>vote:&lt;poll&gt;:&lt;option&gt;</c> arrives here too.</summary>
public sealed class VoteCommand(PollService polls) : ICommandHandler
{
    private static readonly CommandArgument Choices = new("options", "Option numbers (1 3) or text (raise the cap); commas between several texts");

    public CommandDeclaration Definition { get; } = new("vote", "Vote in a poll: by option number or text. Voting again replaces your vote.", "<poll> <option>...")
    {
        Arguments =
        [
            PollArguments.PollNumber,
            Choices,
        ],
        Examples = ["12 2", "12 1 3", "12 raise the cap"],
        DeduplicatesDeliveries = true, // the vote writer stores the delivery id with the ballot
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        // The hot path: a cached copy spares a read, and the store refuses the ballot if the poll closed meanwhile.
        var found = await polls.FindPollAsync(invocation, PollRead.ForVote, cancellationToken).ConfigureAwait(false);
        if (!found.Succeeded)
        {
            return Reply.Error(MentionGuard.Defuse(found.Error));
        }

        var poll = found.Value;
        var choices = VoteChoiceParser.Parse(poll, PollArguments.Remainder(invocation, Choices));
        if (!choices.Succeeded)
        {
            return Reply.Error(MentionGuard.Defuse(choices.Error));
        }

        var card = invocation.Source == InvocationSource.Button ? invocation.SourceMessage : null;
        var outcome = await polls.VoteAsync(poll, invocation.Sender, choices.Value, invocation.DeliveryId, card, cancellationToken).ConfigureAwait(false);
        var chosen = string.Join(", ", choices.Value.Select(n => $"**{n}. {MentionGuard.Defuse(poll.Options[n - 1])}**"));
        return outcome switch
        {
            BallotOutcome.Duplicate => RepeatedDelivery.Reply,
            BallotOutcome.Recorded => Reply.Private(
                $"Your vote in poll #{poll.Id} is recorded: {chosen}. Vote again to change it, or `{Hint(invocation, "unvote", poll)}` to withdraw it."),
            BallotOutcome.PollClosed => Reply.Error($"Poll #{poll.Id} is closed; votes are no longer accepted. `{Hint(invocation, "results", poll)}` shows how it ended."),
            BallotOutcome.InvalidOptions => Reply.Error($"Poll #{poll.Id} has options 1 to {poll.Options.Length} and takes at most {poll.MaxChoices}."),
            _ => Reply.Error($"There is no poll #{poll.Id} any more."),
        };
    }

    private string Hint(CommandInvocation invocation, string command, Poll poll) =>
        polls.Syntax.Of(invocation.Conversation.Platform, command, poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
