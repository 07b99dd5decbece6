using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Slack.BlockKit;

namespace PolicyBot.Slack;

/// <summary>What to acknowledge a Slack request with: an empty 200, or a JSON body (an inline answer, a challenge).</summary>
public readonly record struct SlackAck(byte[]? JsonBody)
{
    public static SlackAck Empty => default;
}

/// <summary>
/// The one place Slack requests become commands, for HTTP and Socket Mode alike. Every path acknowledges within
/// Slack's 3 s: a command gets <see cref="SlackOptions.InlineReplyBudgetMilliseconds"/> to answer inline, after which we
/// acknowledge with a private "Thinking…" and the answer follows through <c>response_url</c>. Clicks are acknowledged when their command is done
/// (within the same budget); events at once.
/// </summary>
public sealed partial class SlackRequestProcessor(
    CommandRouter router,
    SlackTranslator translator,
    SlackReplySender sender,
    SlackHelp help,
    SlackBackgroundWork background,
    SlackMentionResponder mentions,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackRequestProcessor> logger)
{
    private readonly TimeSpan _inlineBudget = TimeSpan.FromMilliseconds(options.Value.InlineReplyBudgetMilliseconds);

    /// <param name="inlineAllowed">False when the transport cannot carry an answer in the acknowledgement.</param>
    public async Task<SlackAck> HandleSlashCommandAsync(SlashCommandRequest request, bool inlineAllowed = true)
    {
        if (!options.Value.Serves(request.TeamId, request.EnterpriseId))
        {
            LogNotServed("command", request.TeamId);
            var refusal = Reply.Error("PolicyBot is not available in this workspace.");
            if (inlineAllowed)
            {
                return new SlackAck(SlackReplySender.InlineBody(refusal));
            }

            var to = new SlackReplyTarget(new ConversationRef(Platforms.Slack, request.ChannelId), request.UserId, request.ResponseUrl);
            background.Start("refusal", ct => sender.DeliverAsync(to, refusal, privateByDefault: true, ct));
            return SlackAck.Empty;
        }

        var invocation = translator.FromSlashCommand(request);
        var target = new SlackReplyTarget(invocation.Conversation, request.UserId, request.ResponseUrl);
        if (invocation.Name == SlackTranslator.HelpCommand)
        {
            // Help is read-only and Slack-worded, so it skips the router; it is answered privately, like Slack's own help.
            var helpReply = help.For(invocation.Arguments);
            if (inlineAllowed)
            {
                return new SlackAck(SlackReplySender.InlineBody(helpReply));
            }

            background.Start("help", ct => sender.DeliverAsync(target, helpReply, privateByDefault: true, ct));
            return SlackAck.Empty;
        }

        // Not the request's abort token: once accepted, a command runs to the end even if Slack hangs up.
        var dispatch = router.DispatchAsync(invocation, background.StoppingToken);
        if (!await FinishesWithinBudgetAsync(dispatch).ConfigureAwait(false))
        {
            LogAnsweringLater(invocation.Name, invocation.DeliveryId);
            background.Start($"late answer to {invocation.Name}", async ct =>
            {
                var late = await OutcomeOrApologyAsync(dispatch, invocation).ConfigureAwait(false);
                if (late.Reply is not null)
                {
                    await sender.DeliverAsync(target, late.Reply, privateByDefault: false, ct).ConfigureAwait(false);
                }
            });

            // Only the member sees it; the answer follows through response_url.
            return inlineAllowed ? new SlackAck(SlackReplySender.InlineBody(ProgressNotice.Thinking with { Visibility = ReplyVisibility.OnlyInvoker })) : SlackAck.Empty;
        }

        var outcome = await OutcomeOrApologyAsync(dispatch, invocation).ConfigureAwait(false);
        if (outcome.Reply is not { } reply)
        {
            return SlackAck.Empty;
        }

        if (inlineAllowed && sender.CanAnswerInline(reply))
        {
            return new SlackAck(SlackReplySender.InlineBody(reply));
        }

        background.Start($"answer to {invocation.Name}", ct => sender.DeliverAsync(target, reply, privateByDefault: false, ct));
        return new SlackAck(inlineAllowed ? SlackReplySender.AckBeforeSeparateAnswer(reply) : null);
    }

    /// <summary>
    /// Button clicks: acknowledged once their commands are done, so a vote is durable before Slack hears "200" (Slack
    /// never resends an acknowledged click); group commit keeps that within milliseconds. A command still running when
    /// the inline budget is over is acknowledged anyway, inside Slack's 3 s, and answered when it ends. Either way the
    /// answer goes to the clicker.
    /// </summary>
    public async Task<SlackAck> HandleInteractiveAsync(JsonElement payload)
    {
        var request = BlockActionsRequest.TryParse(payload);
        if (request is null)
        {
            LogIgnoredInteraction(payload.String("type"));
            return SlackAck.Empty;
        }

        if (!options.Value.Serves(request.TeamId, request.EnterpriseId))
        {
            LogNotServed("click", request.TeamId);
            return SlackAck.Empty;
        }

        var clicks = new List<Task>();
        foreach (var action in request.Actions)
        {
            var invocation = translator.FromAction(request, action);
            if (invocation is null)
            {
                continue;
            }

            var target = new SlackReplyTarget(invocation.Conversation, request.UserId, request.ResponseUrl);
            var dispatch = router.DispatchAsync(invocation, background.StoppingToken);
            clicks.Add(dispatch);
            background.Start($"click {invocation.Name}", async ct =>
            {
                var outcome = await OutcomeOrApologyAsync(dispatch, invocation).ConfigureAwait(false);
                if (outcome.Reply is not null)
                {
                    await sender.DeliverAsync(target, outcome.Reply, privateByDefault: true, ct).ConfigureAwait(false);
                }
            });
        }

        if (!await FinishesWithinBudgetAsync(Task.WhenAll(clicks)).ConfigureAwait(false))
        {
            LogAcknowledgedUnfinishedClick(clicks.Count);
        }

        return SlackAck.Empty;
    }

    /// <summary>Events API bodies: the URL check, and mentions answered as questions. Other events are acknowledged and ignored.</summary>
    public SlackAck HandleEvent(JsonElement body)
    {
        switch (body.String("type"))
        {
            case "url_verification":
                var challenge = body.String("challenge");
                return new SlackAck(SlackMessageJson.Write(writer => writer.WriteString("challenge", challenge)));
            case "event_callback":
                var mention = MentionEvent.TryParse(body);
                if (mention is null || mention.EventId.Length == 0)
                {
                    return SlackAck.Empty;
                }

                if (!options.Value.Serves(mention.TeamId, mention.EnterpriseId))
                {
                    LogNotServed("mention", mention.TeamId);
                    return SlackAck.Empty;
                }

                var invocation = translator.FromMention(mention);
                var target = new SlackReplyTarget(invocation.Conversation, mention.UserId, ResponseUrl: null);
                background.Start($"mention {mention.EventId}", async ct =>
                {
                    if (invocation.Name == SlackTranslator.HelpCommand)
                    {
                        await sender.DeliverAsync(target, help.For(invocation.Arguments), privateByDefault: true, ct).ConfigureAwait(false);
                        return;
                    }

                    await mentions.RespondAsync(OutcomeOrApologyAsync(router.DispatchAsync(invocation, ct), invocation), target, ct).ConfigureAwait(false);
                });
                return SlackAck.Empty;
            default:
                return SlackAck.Empty;
        }
    }

    private async Task<bool> FinishesWithinBudgetAsync(Task dispatch)
    {
        if (dispatch.IsCompleted)
        {
            return true;
        }

        if (_inlineBudget <= TimeSpan.Zero)
        {
            return false;
        }

        using var budgetOver = new CancellationTokenSource();
        var budget = Task.Delay(_inlineBudget, clock, budgetOver.Token);
        await Task.WhenAny(dispatch, budget).ConfigureAwait(false);
        await budgetOver.CancelAsync().ConfigureAwait(false);
        return dispatch.IsCompleted;
    }

    /// <summary>The router answers every handler failure itself; this covers what is outside it (the delivery log down).</summary>
    private async Task<CommandOutcome> OutcomeOrApologyAsync(Task<CommandOutcome> dispatch, CommandInvocation invocation)
    {
        try
        {
            return await dispatch.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDispatchFailed(ex, invocation.Name, invocation.DeliveryId);
            return new CommandOutcome(CommandOutcomeKind.Failed,
                Reply.Error("Sorry, I couldn't take that command just now. Please try again in a moment."));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Command} ({DeliveryId}) is still running; acknowledged, the answer follows via response_url")]
    private partial void LogAnsweringLater(string command, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A click ({Commands} commands) was still running after the inline budget; acknowledged, its answer follows")]
    private partial void LogAcknowledgedUnfinishedClick(int commands);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Slack {What} from workspace {TeamId}: not in Slack:TeamIds")]
    private partial void LogNotServed(string what, string teamId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Slack interaction of type {Type}")]
    private partial void LogIgnoredInteraction(string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dispatch command {Command} ({DeliveryId})")]
    private partial void LogDispatchFailed(Exception exception, string command, string deliveryId);
}
