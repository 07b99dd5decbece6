using System.Text;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls.Commands;

/// <summary><c>polls</c>: the open polls of this channel.</summary>
public sealed class PollsCommand(PollService polls, IOptions<PollOptions> options) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("polls", "List the open polls in this channel.");

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var open = await polls.ListOpenAsync(invocation.Conversation, options.Value.MaxListed, cancellationToken).ConfigureAwait(false);
        var prefix = polls.Syntax.PrefixFor(invocation.Conversation.Platform);
        if (open.Count == 0)
        {
            return Reply.Private($"There are no open polls in this channel. Start one with `{prefix}poll <question> | <option> | <option>`.");
        }

        var text = new StringBuilder();
        foreach (var poll in open)
        {
            text.Append("• **#").Append(poll.Id).Append("** ").Append(MentionGuard.Defuse(poll.Question));
            if (poll.ClosesAt is { } closesAt)
            {
                text.Append(" _(closes ").Append(PollCard.FormatTime(closesAt)).Append(")_");
            }

            text.AppendLine();
        }

        text.Append($"Vote with `{prefix}vote <poll> <option>`; see a tally with `{prefix}results <poll>`.");
        return new Reply(text.ToString()) { Title = open.Count == 1 ? "1 open poll" : $"{open.Count} open polls" };
    }
}
