using System.Collections.Concurrent;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Inbound;

namespace PolicyBot.Core.Tests.Inbound;

/// <summary>A platform's respond capability that records what the pipeline asked of it.</summary>
internal sealed class RecordingResponder(TimeSpan? deadline, bool privateReplies = true, MessageRef? notice = null) : IResponder
{
    public static readonly ConversationRef Channel = new("test", "c1");

    private int _posted;

    public ConcurrentQueue<string> Calls { get; } = new();

    public TaskCompletionSource Deferred { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, replies throw this (nothing could be posted).</summary>
    public Exception? FailWith { get; init; }

    public TimeSpan? AcknowledgeWithin => deadline;

    public bool HasPrivateReplies => privateReplies;

    public Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken)
    {
        Calls.Enqueue("reply: " + reply.Text);
        return FailWith is not null
            ? Task.FromException<ReplyLanding>(FailWith)
            : Task.FromResult(ReplyLanding.At(new MessageRef(Channel, "m" + Interlocked.Increment(ref _posted))));
    }

    public Task<MessageRef?> DeferAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("defer");
        Deferred.TrySetResult();
        return Task.FromResult(notice);
    }

    public Task EditAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"edit {message.MessageId}: {reply.Text}");
        return Task.CompletedTask;
    }
}

/// <summary>Where the tracker says replies landed.</summary>
internal sealed class LandingLog : IPostedMessageSink
{
    public ConcurrentQueue<(string Key, MessageRef Message)> Recorded { get; } = new();

    public ConcurrentQueue<string> Undelivered { get; } = new();

    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken)
    {
        Recorded.Enqueue((trackingKey, message));
        return Task.CompletedTask;
    }

    public Task UndeliveredAsync(string trackingKey, CancellationToken cancellationToken)
    {
        Undelivered.Enqueue(trackingKey);
        return Task.CompletedTask;
    }
}

/// <summary><c>slow</c>: answers (with a tracked reply of the given visibility) once the test opens its gate.</summary>
internal sealed class GatedCommand : ICommandHandler
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Reply Answer { get; set; } = new("done") { TrackingKey = "poll:1" };

    public CommandDeclaration Definition { get; } = new("slow", "Takes its time.");

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        await Gate.Task.WaitAsync(cancellationToken);
        return Answer;
    }
}

/// <summary>A delivery log whose storage is down.</summary>
internal sealed class BrokenDeliveryLog : IDeliveryLog
{
    public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken) =>
        Task.FromException<bool>(new InvalidOperationException("database is locked"));

    public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken) =>
        Task.FromException<bool>(new InvalidOperationException("database is locked"));
}
