using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>One command: its declaration and its behaviour. The reply is the return value; handlers never touch a platform type.</summary>
public interface ICommandHandler
{
    CommandDeclaration Definition { get; }

    Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken);
}
