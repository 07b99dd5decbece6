using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>Runs before a handler; returning a reply stops the command there (permission denied, slow down).</summary>
public interface ICommandFilter
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    ValueTask<Reply?> CheckAsync(CommandInvocation invocation, CommandDeclaration command, CancellationToken cancellationToken);
}
