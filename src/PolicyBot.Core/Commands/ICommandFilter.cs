using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>
/// Runs before a handler; an outcome stops the command there: refused with a reply (permission denied, slow down), or
/// with none (a refusal already said once).
/// </summary>
public interface ICommandFilter
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <returns>Null to let the command run.</returns>
    ValueTask<CommandOutcome?> CheckAsync(CommandInvocation invocation, CommandDeclaration command, CancellationToken cancellationToken);
}
