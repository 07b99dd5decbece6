using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Answers slash commands and button clicks inside Discord's 3-second deadline. A handler that finishes within
/// <see cref="DiscordOptions.InteractionDeferAfter"/> is answered directly (type 4, ephemeral for errors and private
/// replies); a slower one is deferred first (type 5 for commands, type 6 for clicks) and followed up when done.
/// </summary>
public sealed partial class InteractionResponder(
    CommandRouter router,
    DiscordRestClient rest,
    PostedMessageTracker tracker,
    TimeProvider timeProvider,
    IOptions<DiscordOptions> options,
    ILogger<InteractionResponder> logger)
{
    private readonly TimeSpan _deferAfter = options.Value.InteractionDeferAfter;

    public async Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            if (interaction.Invocation is not { } invocation)
            {
                var refusal = interaction.Kind == InteractionKind.NotServed
                    ? Reply.Error("PolicyBot is not available here.")
                    : Reply.Error("Sorry, I don't know that command or button any more. Type `/help` to see what I can do.");
                await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallbackType.ChannelMessageWithSource,
                    DiscordRenderer.Render(refusal, ephemeralAllowed: true), withResponse: false, cancellationToken).ConfigureAwait(false);
                return;
            }

            var dispatch = router.DispatchAsync(invocation, cancellationToken);
            if (!await ProgressNotice.FinishesWithinAsync(dispatch, _deferAfter, timeProvider, cancellationToken).ConfigureAwait(false))
            {
                await DeferAsync(interaction, cancellationToken).ConfigureAwait(false);
                var late = await dispatch.ConfigureAwait(false);
                if (late.Reply is not null)
                {
                    await FollowUpAsync(interaction, invocation, late.Reply, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var outcome = await dispatch.ConfigureAwait(false);
            if (outcome.Reply is null)
            {
                // A replayed delivery: the first one was answered already.
                return;
            }

            await AnswerAsync(interaction, invocation, outcome.Reply, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.DiscordCode is 10062 or 40060)
        {
            LogInteractionExpired(interaction.Id, ex.DiscordCode);
        }
    }

    private async Task AnswerAsync(DiscordInteraction interaction, CommandInvocation invocation, Reply reply, CancellationToken cancellationToken)
    {
        if (interaction.Kind == InteractionKind.Button && string.IsNullOrWhiteSpace(reply.Text) && reply.Attachments.IsEmpty && reply.Title is null)
        {
            // Nothing to say: acknowledge the click without a message.
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallbackType.DeferredUpdateMessage, null, false, cancellationToken).ConfigureAwait(false);
            return;
        }

        var message = DiscordRenderer.Render(reply, ephemeralAllowed: true);
        var tracked = PostedMessageTracker.WantsPostedMessage(reply) && message.Payload.Flags is null;
        var messageId = await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallbackType.ChannelMessageWithSource,
            message, withResponse: tracked, cancellationToken).ConfigureAwait(false);
        if (tracked)
        {
            if (messageId is null && interaction.ApplicationId is { } appId)
            {
                messageId = await rest.GetOriginalResponseIdAsync(appId, interaction.Token, cancellationToken).ConfigureAwait(false);
            }

            if (messageId is not null)
            {
                await tracker.NotifyAsync(reply, new MessageRef(invocation.Conversation, messageId), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task DeferAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var type = interaction.Kind == InteractionKind.Button ? InteractionCallbackType.DeferredUpdateMessage : InteractionCallbackType.DeferredChannelMessageWithSource;
        LogDeferred(interaction.Id, type);
        return rest.RespondToInteractionAsync(interaction.Id, interaction.Token, type, null, false, cancellationToken);
    }

    private async Task FollowUpAsync(DiscordInteraction interaction, CommandInvocation invocation, Reply reply, CancellationToken cancellationToken)
    {
        if (interaction.ApplicationId is not { } appId)
        {
            LogNoApplicationId(interaction.Id);
            return;
        }

        var ephemeral = reply.IsError || reply.Visibility == ReplyVisibility.OnlyInvoker;
        string? messageId;
        if (interaction.Kind == InteractionKind.SlashCommand && !ephemeral)
        {
            messageId = await rest.EditOriginalResponseAsync(appId, interaction.Token, DiscordRenderer.Render(reply), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (interaction.Kind == InteractionKind.SlashCommand)
            {
                // The public "thinking…" placeholder cannot become ephemeral: remove it and answer privately.
                await rest.DeleteOriginalResponseAsync(appId, interaction.Token, cancellationToken).ConfigureAwait(false);
            }
            else if (string.IsNullOrWhiteSpace(reply.Text) && reply.Attachments.IsEmpty && reply.Title is null)
            {
                return;
            }

            messageId = await rest.CreateFollowupAsync(appId, interaction.Token, DiscordRenderer.Render(reply, ephemeralAllowed: true), cancellationToken).ConfigureAwait(false);
        }

        if (!ephemeral)
        {
            await tracker.NotifyAsync(reply, new MessageRef(invocation.Conversation, messageId), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord interaction {InteractionId} deferred (type {Type})")]
    private partial void LogDeferred(string interactionId, int type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} could no longer be answered (code {Code}); was the 3 s deadline missed?")]
    private partial void LogInteractionExpired(string interactionId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} has no application id; cannot follow up")]
    private partial void LogNoApplicationId(string interactionId);
}
