namespace PolicyBot.Core.Chat;

/// <summary>
/// What a slow command shows while it works (an answer waiting for a language model): adapters post it when the
/// command is still running after their budget, within the platform's acknowledgement deadline, and edit it into the
/// answer when that is ready.
/// </summary>
public static class ProgressNotice
{
    public static Reply Thinking { get; } = new("_Thinking…_");

    /// <summary>What the notice becomes when the answer could not replace it (it was private, or had files).</summary>
    public static Reply AnsweredElsewhere { get; } = new("_Answered separately._");

    /// <summary>Whether an edit of the notice can carry <paramref name="reply"/> in full.</summary>
    public static bool CanBecome(Reply reply) =>
        reply.Attachments.IsEmpty && reply.Visibility == ReplyVisibility.Channel && !reply.IsError;

    /// <summary>True when <paramref name="work"/> ends within <paramref name="budget"/> on <paramref name="clock"/>.</summary>
    public static async Task<bool> FinishesWithinAsync(Task work, TimeSpan budget, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (work.IsCompleted)
        {
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(budget, clock, timer.Token);
        var first = await Task.WhenAny(work, deadline).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        return first == work;
    }
}
