namespace PolicyBot.Core.Chat;

/// <summary>
/// Sends into the platform that owns a conversation: scheduled posts, poll card edits, and the messages an adapter's
/// <see cref="Inbound.IResponder"/> posts as answers. A post returns where it landed; the platform tells no one else.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The <see cref="ConversationRef.Platform"/> value this adapter serves.</summary>
    string Name { get; }

    Task<MessageRef> PostAsync(ConversationRef conversation, Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// Posts a message that must appear once however often it is retried with the same <paramref name="once"/> key
    /// (see <see cref="PostOnce"/>). A platform that cannot recognise a repeat (the console) just posts.
    /// </summary>
    Task<MessageRef> PostOnceAsync(ConversationRef conversation, Reply reply, PostOnce once, CancellationToken cancellationToken) =>
        PostAsync(conversation, reply, cancellationToken);

    Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken);
}
