using System.Collections.Concurrent;
using System.Threading.Channels;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>Every invocation the fake handlers saw, in order, for assertions.</summary>
public sealed class InvocationLog
{
    private readonly Channel<CommandInvocation> _feed = Channel.CreateUnbounded<CommandInvocation>();
    private readonly ConcurrentQueue<CommandInvocation> _all = new();

    public IReadOnlyCollection<CommandInvocation> All => _all;

    public void Add(CommandInvocation invocation)
    {
        _all.Enqueue(invocation);
        _feed.Writer.TryWrite(invocation);
    }

    public async Task<CommandInvocation> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        return await _feed.Reader.ReadAsync(timeout.Token);
    }
}

/// <summary><c>ask</c>: echoes the question (with the asker's admin flag), so tests see exactly what arrived.</summary>
public sealed class EchoAskCommand(InvocationLog log) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("ask", "Ask a question.", "<question>");

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        log.Add(invocation);
        return Task.FromResult(new Reply($"You asked: **{invocation.Arguments}** (admin: {invocation.Sender.IsAdmin})")
        {
            Title = "Answer",
            Citations = [new Citation("north-korea-talks", 2, "Talks resume <!here> & stall")],
            Footer = "Source: PolicyBot library",
        });
    }
}

/// <summary><c>vote</c>: a fake of the polls feature's vote handler; counts and answers privately.</summary>
public sealed class FakeVoteCommand(InvocationLog log) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("vote", "Vote in a poll.", "<poll> <option>", Hidden: true);

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        log.Add(invocation);
        return Task.FromResult(Reply.Private("Your vote is counted."));
    }
}

/// <summary><c>slow</c>: does not answer until the test opens its gate.</summary>
public sealed class GatedCommand(InvocationLog log) : ICommandHandler
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandDeclaration Definition { get; } = new("slow", "Takes its time.");

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        log.Add(invocation);
        await Gate.Task.WaitAsync(cancellationToken);
        return new Reply("Finally done.");
    }
}

/// <summary><c>poll</c>: a tracked card with vote buttons and a chart, like the polls feature posts.</summary>
public sealed class CardCommand : ICommandHandler
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    public CommandDeclaration Definition { get; } = new("poll", "Start a poll.", "<question>");

    public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply("Vote below.")
        {
            Title = invocation.Arguments,
            Actions = [new ReplyAction("vote:7:1", "Yes", ActionStyle.Primary), new ReplyAction("vote:7:2", "No")],
            Attachments = [new Attachment("results.png", "image/png", Png, "Results chart")],
            TrackingKey = "poll:7",
        });
}

/// <summary>Records what the adapter reports through <see cref="PostedMessageTracker"/>.</summary>
public sealed class RecordingSink : IPostedMessageSink
{
    private readonly Channel<(string Key, MessageRef Message)> _feed = Channel.CreateUnbounded<(string, MessageRef)>();

    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken)
    {
        _feed.Writer.TryWrite((trackingKey, message));
        return Task.CompletedTask;
    }

    public async Task<(string Key, MessageRef Message)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        return await _feed.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Tracking keys of replies that could not be posted.</summary>
    public Channel<string> Undelivered { get; } = Channel.CreateUnbounded<string>();

    public Task UndeliveredAsync(string trackingKey, CancellationToken cancellationToken)
    {
        Undelivered.Writer.TryWrite(trackingKey);
        return Task.CompletedTask;
    }
}
