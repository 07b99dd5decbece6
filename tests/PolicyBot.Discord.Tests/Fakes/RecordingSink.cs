using System.Collections.Concurrent;
using PolicyBot.Core.Chat;

namespace PolicyBot.Discord.Tests.Fakes;

public sealed class RecordingSink : IPostedMessageSink
{
    public ConcurrentQueue<(string Key, MessageRef Message)> Recorded { get; } = new();

    public TaskCompletionSource<MessageRef> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Undelivered { get; } = new();

    public Task RecordAsync(string trackingKey, MessageRef message, CancellationToken cancellationToken)
    {
        Recorded.Enqueue((trackingKey, message));
        First.TrySetResult(message);
        return Task.CompletedTask;
    }

    public Task UndeliveredAsync(string trackingKey, CancellationToken cancellationToken)
    {
        Undelivered.Enqueue(trackingKey);
        return Task.CompletedTask;
    }
}
