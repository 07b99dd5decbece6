using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>Admin-only commands are refused, politely, to everyone else.</summary>
public sealed class PermissionFilter : ICommandFilter
{
    public int Order => 0;

    public ValueTask<CommandOutcome?> CheckAsync(CommandInvocation invocation, CommandDeclaration command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(command.Access == CommandAccess.Admin && !invocation.Sender.IsAdmin
            ? new CommandOutcome(CommandOutcomeKind.Refused, Reply.Error($"Only admins can use `{command.Name}`."))
            : null);
}
