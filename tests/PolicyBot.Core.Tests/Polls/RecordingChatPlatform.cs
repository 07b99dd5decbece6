using System.Collections.Concurrent;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>A platform that records what would have been posted and edited.</summary>
internal sealed class RecordingChatPlatform(string name = Platforms.Discord) : IChatPlatform
{
    private int _nextMessage;

    public string Name { get; } = name;

    public ConcurrentQueue<(ConversationRef Conversation, Reply Reply)> Posts { get; } = new();

    public ConcurrentQueue<(MessageRef Message, Reply Reply)> Updates { get; } = new();

    public Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken)
    {
        Posts.Enqueue((conversation, reply));
        return Task.FromResult(new MessageRef(conversation, $"msg-{Interlocked.Increment(ref _nextMessage)}"));
    }

    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        Updates.Enqueue((message, reply));
        return Task.CompletedTask;
    }
}
