namespace PolicyBot.Core.Chat;

/// <summary>
/// What a slow command shows while it works (an answer waiting for a language model): the inbound pipeline has
/// it posted when the command is still running at the platform's acknowledgement deadline, and edited into the answer
/// when that is ready (see <see cref="Inbound.InvocationPipeline"/>).
/// </summary>
public static class ProgressNotice
{
    public static Reply Thinking { get; } = new("_Thinking…_");

    /// <summary>What the notice becomes when the answer could not replace it (it was private, or had files).</summary>
    public static Reply AnsweredElsewhere { get; } = new("_Answered separately._");

    /// <summary>
    /// Whether an edit of the notice can carry <paramref name="reply"/> in full: an edit sends no files, and where private
    /// answers exist (<paramref name="privateRepliesExist"/>) a notice in the channel must not show one.
    /// </summary>
    public static bool CanBecome(Reply reply, bool privateRepliesExist) =>
        reply.Attachments.IsEmpty && (!privateRepliesExist || (reply.Visibility == ReplyVisibility.Channel && !reply.IsError));
}
