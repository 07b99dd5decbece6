namespace PolicyBot.Core.Chat;

/// <summary>Proactive sends: scheduled posts, poll card edits and follow-ups go through the platform that owns the conversation.</summary>
public interface IChatPlatform
{
    /// <summary>The <see cref="ConversationRef.Platform"/> value this adapter serves.</summary>
    string Name { get; }

    Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken);

    Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken);
}
