using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary>
/// A command of the form <c>name &lt;poll&gt;</c> (<c>results</c>, <c>close</c>, <c>export</c>, <c>unvote</c>): finds
/// the poll in the conversation, answers politely when there is none, and hands the poll to the command.
/// </summary>
public abstract class SinglePollCommand(PollService polls, string name, string description, bool deduplicatesDeliveries = false) : ICommandHandler
{
    protected PollService Polls { get; } = polls;

    public CommandDeclaration Definition { get; } = new(name, description, "<poll>")
    {
        Arguments = [PollArguments.PollNumber],
        Examples = ["12"],
        DeduplicatesDeliveries = deduplicatesDeliveries,
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        // Each of these shows or acts on whether the poll is open, which only the store knows (another instance may have closed it).
        var found = await Polls.FindPollAsync(invocation, PollRead.Current, cancellationToken).ConfigureAwait(false);
        return found.Succeeded
            ? await HandleAsync(found.Value, invocation, cancellationToken).ConfigureAwait(false)
            : Reply.Error(found.Error);
    }

    protected abstract Task<Reply> HandleAsync(Poll poll, CommandInvocation invocation, CancellationToken cancellationToken);
}
