using System.Collections.Concurrent;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Discord.Tests.Fakes;

/// <summary>Records every invocation the fake handlers received.</summary>
public sealed class InvocationLog
{
    public ConcurrentQueue<CommandInvocation> Invocations { get; } = new();
}

/// <summary><c>echo &lt;text&gt;</c>: says the text back (mass mentions included, to prove they do not ping).</summary>
public sealed class EchoCommand(InvocationLog log) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("echo", "Say the text back.", "<text>")
    {
        Arguments = [new CommandArgument("text", "What to say")],
    };

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        log.Invocations.Enqueue(invocation);
        return Task.FromResult(invocation.Arguments.Length == 0 ? Reply.Error("Tell me what to say.") : new Reply(invocation.Arguments));
    }
}

/// <summary>A button-only command like the poll's: answers privately.</summary>
public sealed class VoteCommand(InvocationLog log) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("vote", "Vote in a poll.", "<poll> <option>", Hidden: true);

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        log.Invocations.Enqueue(invocation);
        return Task.FromResult(Reply.Private("Your vote is recorded"));
    }
}

/// <summary><c>slow</c>: finishes only when the test releases it, to force a deferred interaction response.</summary>
public sealed class SlowCommand : ICommandHandler
{
    public TaskCompletionSource<Reply> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandDeclaration Definition { get; } = new("slow", "Take a while.");

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) => Release.Task.WaitAsync(cancellationToken);
}

/// <summary><c>card &lt;title&gt; [count]</c>: a tracked reply with buttons, like a poll card. Admins only.</summary>
public sealed class CardCommand : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("card", "Post a card with buttons.", "<title> [count]", CommandAccess.Admin)
    {
        Arguments = [new CommandArgument("Title Text", "The card's title"), new CommandArgument("count", "How many buttons", ArgumentKind.Integer, Required: false)],
    };

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply("Pick one") { Title = invocation.Arguments, TrackingKey = "poll:7", Actions = [new ReplyAction("vote:7:1", "One"), new ReplyAction("vote:7:2", "Two")] });
}
