using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Footprint;

namespace PolicyBot.Core.Tests.Commands;

/// <summary>Small handlers and a router wired with them, for command-core tests.</summary>
internal sealed class EchoCommand(string name = "echo", CommandAccess access = CommandAccess.Everyone) : ICommandHandler
{
    public int Calls;

    public CommandInvocation? LastInvocation { get; private set; }

    public CommandDeclaration Definition { get; } = new(name, "Repeats the text.", "<text>", access);

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        LastInvocation = invocation;
        return Task.FromResult(new Reply("echo: " + invocation.Arguments));
    }
}

internal sealed class ThrowingCommand : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("boom", "Always fails.");

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("secret internal detail");
}

/// <param name="storedWithEffect">Ids a deduplicating handler stored with its effect (the SQL log sees the vote table too).</param>
internal sealed class InMemoryDeliveryLog(Func<string, bool>? storedWithEffect = null) : IDeliveryLog
{
    private readonly HashSet<string> _seen = [];

    public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            return Task.FromResult(_seen.Add(deliveryId));
        }
    }

    public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            return Task.FromResult(_seen.Contains(deliveryId) || storedWithEffect?.Invoke(deliveryId) == true);
        }
    }
}

internal static class TestRouter
{
    public static readonly ConversationRef Channel = new("console", "console");

    /// <summary>Slack's way of typing commands, as the Slack adapter registers it.</summary>
    public static readonly PlatformCommandSyntax Slack = new(Platforms.Slack, "/policy ");

    public static CommandRouter Create(IEnumerable<ICommandHandler> handlers, CommandOptions? options = null, IDeliveryLog? log = null, IEnumerable<ICommandFilter>? filters = null, QuietMemoryRelease? memoryRelease = null)
    {
        var opts = Options.Create(options ?? new CommandOptions());
        return new CommandRouter(
            new CommandCatalog(handlers),
            filters ?? [new PermissionFilter(), new RateLimitFilter(opts)],
            log ?? new InMemoryDeliveryLog(),
            opts,
            NullLogger<CommandRouter>.Instance,
            syntax: new CommandSyntax(opts, [Slack]),
            memoryRelease: memoryRelease);
    }

    private static int _delivery;

    public static CommandInvocation Invocation(string name, string arguments = "", bool admin = false, string user = "u1", string? deliveryId = null) =>
        new(name, arguments, new Sender(user, user, admin), Channel, deliveryId ?? "d" + Interlocked.Increment(ref _delivery));
}
