using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Inbound;

/// <summary>
/// What an adapter can do to answer one invocation on its platform. <see cref="InvocationPipeline"/> decides when
/// (answer now, or acknowledge first and answer late); the responder decides how the platform's wire says it.
/// </summary>
public interface IResponder
{
    /// <summary>
    /// How long the handler may run before the platform must hear from us (Discord's interaction deadline, Slack's inline
    /// budget); then <see cref="DeferAsync"/> is called. Null: no deadline, the answer is simply awaited (the console).
    /// </summary>
    TimeSpan? AcknowledgeWithin { get; }

    /// <summary>
    /// Whether private replies (<see cref="ReplyVisibility.OnlyInvoker"/>) are shown to the invoker alone here (Discord
    /// interactions, Slack). Where they are not (a Discord message command), a notice can carry any answer without files.
    /// </summary>
    bool HasPrivateReplies { get; }

    /// <summary>Answers the invocation: in time, or after <see cref="DeferAsync"/>. Throws when nothing could be posted.</summary>
    Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// Acknowledges an invocation whose answer will be late: a deferral, a private "Thinking…" acknowledgement, or a
    /// posted notice. Returns the notice when one was posted that <see cref="EditAsync"/> can turn into the answer.
    /// </summary>
    Task<MessageRef?> DeferAsync(CancellationToken cancellationToken);

    /// <summary>Edits a notice that <see cref="DeferAsync"/> posted.</summary>
    Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken);
}
