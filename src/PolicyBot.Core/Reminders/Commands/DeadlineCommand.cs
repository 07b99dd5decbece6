using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders.Commands;

/// <summary><c>deadline</c>: every configured deadline with its countdown, or how long ago it passed.</summary>
public sealed class DeadlineCommand(DeadlineCatalog deadlines, TimeProvider clock) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("deadline", "Show every deadline with its countdown, or how long ago it passed.")
    {
        Aliases = ["deadlines", "countdown"],
    };

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (deadlines.Deadlines.Count == 0)
        {
            return Task.FromResult(new Reply("No deadlines are configured."));
        }

        var now = clock.GetUtcNow();
        var text = new StringBuilder();
        foreach (var deadline in deadlines.Deadlines.OrderBy(d => d.HasPassed(now)).ThenBy(d => Math.Abs((d.DueAt - now).Ticks)))
        {
            text.Append("• ").AppendLine(deadline.HasPassed(now) ? deadline.PassedAgoText(now) : deadline.StandardCountdownText(now));
        }

        // Deadline names come from admin config, but a reply never pings from this command.
        return Task.FromResult(new Reply(MentionGuard.Defuse(text.ToString().TrimEnd())) { Title = "Deadlines" });
    }
}
