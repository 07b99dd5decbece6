using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;
using PolicyBot.Slack.BlockKit;
using PolicyBot.Slack.Responding;

namespace PolicyBot.Slack;

/// <summary>
/// The one place Slack requests become commands, for HTTP and Socket Mode alike: each is translated and handed to the
/// core's <see cref="InvocationPipeline"/> with a responder for its kind, and acknowledged within Slack's 3 s. A command
/// gets <see cref="SlackOptions.InlineReplyBudget"/> to answer inline, after which it is acknowledged with a
/// private "Thinking…" and the answer follows through <c>response_url</c>. Clicks are acknowledged when their command is
/// done (within the same budget); events at once.
/// </summary>
public sealed partial class SlackRequestProcessor(
    InvocationPipeline pipeline,
    BackgroundWork work,
    SlackTranslator translator,
    SlackResponders responders,
    SlackReplySender sender,
    IOptions<SlackOptions> options,
    ILogger<SlackRequestProcessor> logger)
{
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
            _ = work.Start("a Slack refusal", async ct => await sender.DeliverAsync(to, refusal, privateByDefault: true, ct).ConfigureAwait(false));
            return SlackAck.Empty;
        }

        var invocation = translator.FromSlashCommand(request);
        var responder = responders.ForSlashCommand(invocation.Conversation, request, inlineAllowed);

        // Not tied to the request's abort token: once accepted, a command runs to the end even if Slack hangs up.
        var run = pipeline.StartHere(invocation, responder);
        return await responder.Acknowledgement.WhenGivenAsync(run).ConfigureAwait(false);
    }

    /// <summary>Button clicks: each clicked action is a command, acknowledged together once all are done or deferred.</summary>
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

        var clicks = new List<(ButtonClickResponder Responder, Task<SlackAck> Acknowledged)>();
        foreach (var action in request.Actions)
        {
            if (translator.FromAction(request, action) is not { } invocation)
            {
                continue;
            }

            var responder = responders.ForClick(invocation.Conversation, request);
            clicks.Add((responder, responder.Acknowledgement.WhenGivenAsync(pipeline.StartHere(invocation, responder))));
        }

        await Task.WhenAll(clicks.Select(c => c.Acknowledged)).ConfigureAwait(false);
        if (clicks.Any(c => c.Responder.Deferred))
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
                pipeline.RunInBackground(invocation, responders.ForMention(invocation.Conversation, mention));
                return SlackAck.Empty;
            default:
                return SlackAck.Empty;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A click ({Commands} commands) was still running after the inline budget; acknowledged, its answer follows")]
    private partial void LogAcknowledgedUnfinishedClick(int commands);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a Slack {What} from workspace {TeamId}: not in Slack:TeamIds")]
    private partial void LogNotServed(string what, string teamId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Slack interaction of type {Type}")]
    private partial void LogIgnoredInteraction(string type);
}
