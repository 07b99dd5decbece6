using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Inbound;

/// <summary>
/// The one way an invocation goes from an adapter to its answer, on every platform: dispatch through the
/// <see cref="CommandRouter"/>; race the handler against the platform's acknowledgement deadline
/// (<see cref="IResponder.AcknowledgeWithin"/>); answer in time, or defer and answer late (a notice that was posted
/// becomes the answer when it can carry it); and tell the <see cref="PostedMessageTracker"/> where the answer landed.
/// Adapters only translate the wire into a <see cref="CommandInvocation"/> and supply an <see cref="IResponder"/>.
/// </summary>
public sealed partial class InvocationPipeline(
    CommandRouter router,
    PostedMessageTracker tracker,
    BackgroundWork work,
    TimeProvider clock,
    ILogger<InvocationPipeline> logger)
{
    /// <summary>
    /// Runs the invocation on the thread pool, tracked so shutdown waits for it, for a caller that must not wait at all
    /// (a gateway read loop, an event acknowledged at once). The task never faults.
    /// </summary>
    public Task RunInBackground(CommandInvocation invocation, IResponder responder) =>
        work.Start(Describe(invocation), ct => RunAsync(invocation, responder, ct));

    /// <summary>
    /// Runs the invocation on the caller's thread until the handler first waits, then in the background, tracked like
    /// <see cref="RunInBackground"/>: for a request that waits for its acknowledgement anyway (a Slack command or click).
    /// </summary>
    public Task StartHere(CommandInvocation invocation, IResponder responder) =>
        work.StartHere(Describe(invocation), ct => RunAsync(invocation, responder, ct));

    /// <summary>Runs the invocation to its answer; awaited as is where answers come in order (the console).</summary>
    public async Task RunAsync(CommandInvocation invocation, IResponder responder, CancellationToken cancellationToken)
    {
        var dispatch = DispatchOrApologyAsync(invocation, cancellationToken);
        if (await FinishesWithinAsync(dispatch, responder.AcknowledgeWithin, cancellationToken).ConfigureAwait(false))
        {
            if ((await dispatch.ConfigureAwait(false)).Reply is { } reply)
            {
                await DeliverAsync(responder, reply, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        LogDeferred(invocation.Name, invocation.DeliveryId);
        var notice = await responder.DeferAsync(cancellationToken).ConfigureAwait(false);
        if ((await dispatch.ConfigureAwait(false)).Reply is not { } late)
        {
            return;
        }

        if (notice is not null && ProgressNotice.CanBecome(late, responder.HasPrivateReplies)
            && await TryEditAsync(responder, notice, late, cancellationToken).ConfigureAwait(false))
        {
            await RecordLandingAsync(late, ReplyLanding.At(notice), cancellationToken).ConfigureAwait(false);
            return;
        }

        await DeliverAsync(responder, late, cancellationToken).ConfigureAwait(false);
        if (notice is not null)
        {
            await TryEditAsync(responder, notice, ProgressNotice.AnsweredElsewhere, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when <paramref name="dispatch"/> ends within <paramref name="deadline"/> on the clock; always when there is none.</summary>
    private async Task<bool> FinishesWithinAsync(Task dispatch, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        if (dispatch.IsCompleted || deadline is null)
        {
            return true;
        }

        if (deadline <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(dispatch, Task.Delay(deadline.Value, clock, timer.Token)).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        return first == dispatch;
    }

    /// <summary>
    /// Sends <paramref name="reply"/> through <paramref name="responder"/> and tells the tracker where it landed, or that
    /// it could not be posted (then what it stands for is withdrawn, and the adapter's exception, if any, rethrown).
    /// </summary>
    public async Task DeliverAsync(IResponder responder, Reply reply, CancellationToken cancellationToken)
    {
        ReplyLanding landing;
        try
        {
            landing = await responder.ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing we can count on was posted (after an HTTP timeout, maybe something we cannot find).
            await RecordLandingAsync(reply, ReplyLanding.NotDelivered, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await RecordLandingAsync(reply, landing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one place the tracker hears where a reply landed, or that it could not be posted.</summary>
    private Task RecordLandingAsync(Reply reply, ReplyLanding landing, CancellationToken cancellationToken) => landing switch
    {
        { Message: { } message } => tracker.NotifyAsync(reply, message, cancellationToken),

        // What the reply stands for (a poll card's poll) must not be left unseen; not cancellable, it undoes work.
        { Undelivered: true } => tracker.NotifyUndeliveredAsync(reply, CancellationToken.None),
        _ => Task.CompletedTask,
    };

    private async Task<bool> TryEditAsync(IResponder responder, MessageRef notice, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await responder.EditAsync(notice, reply, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The answer still goes out, separately; the notice just stays as it was.
            LogEditFailed(ex, notice.Conversation.ToString());
            return false;
        }
    }

    /// <summary>The router answers every handler failure itself; this covers what is outside it (the delivery log down).</summary>
    private async Task<CommandOutcome> DispatchOrApologyAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            return await router.DispatchAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDispatchFailed(ex, invocation.Name, invocation.DeliveryId);
            return new CommandOutcome(CommandOutcomeKind.Failed,
                Reply.Error("Sorry, I couldn't take that command just now. Please try again in a moment."));
        }
    }

    private static string Describe(CommandInvocation invocation) => $"command {invocation.Name} ({invocation.DeliveryId})";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Command} ({DeliveryId}) is still running at the platform's deadline; acknowledged, the answer follows")]
    private partial void LogDeferred(string command, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notice in {Conversation} could not be edited; the answer is sent separately")]
    private partial void LogEditFailed(Exception exception, string conversation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dispatch command {Command} ({DeliveryId})")]
    private partial void LogDispatchFailed(Exception exception, string command, string deliveryId);
}
