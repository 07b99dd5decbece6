using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Inbound;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Interactions;

/// <summary>
/// Answers a slash command or button click inside Discord's 3-second deadline: in time directly (type 4, ephemeral for
/// errors and private replies); late after a deferral (type 5 for commands, type 6 for clicks) by editing the original
/// response or following up.
/// </summary>
public sealed partial class InteractionResponder(
    DiscordRestClient rest,
    DiscordInteraction interaction,
    ConversationRef conversation,
    TimeSpan deferAfter,
    ILogger logger) : IResponder
{
    private bool _deferred;

    public TimeSpan? AcknowledgeWithin => deferAfter;

    public bool HasPrivateReplies => true;

    public async Task<ReplyLanding> ReplyAsync(Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            return _deferred
                ? await FollowUpAsync(reply, cancellationToken).ConfigureAwait(false)
                : await AnswerAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.DiscordCode is 10062 or 40060)
        {
            LogInteractionExpired(logger, interaction.Id, ex.DiscordCode);
            return ReplyLanding.NotDelivered;
        }
    }

    public async Task<MessageRef?> DeferAsync(CancellationToken cancellationToken)
    {
        _deferred = true;
        var type = interaction.Kind == InteractionKind.Button ? InteractionCallbackType.DeferredUpdateMessage : InteractionCallbackType.DeferredChannelMessageWithSource;
        LogDeferred(logger, interaction.Id, type);
        try
        {
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, type, null, false, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.DiscordCode is 10062 or 40060)
        {
            LogInteractionExpired(logger, interaction.Id, ex.DiscordCode);
        }

        // The deferral is Discord's own "thinking…"; the late answer edits it through the interaction token, not a message.
        return null;
    }

    public Task EditAsync(MessageRef notice, Reply reply, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("An interaction posts no notice of its own to edit.");

    /// <summary>An interaction that names no command we serve: refused, privately.</summary>
    public static async Task RefuseAsync(DiscordRestClient rest, DiscordInteraction interaction, ILogger logger, CancellationToken cancellationToken)
    {
        var refusal = interaction.Kind == InteractionKind.NotServed
            ? Reply.Error("PolicyBot is not available here.")
            : Reply.Error("Sorry, I don't know that command or button any more. Type `/help` to see what I can do.");
        try
        {
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallbackType.ChannelMessageWithSource,
                DiscordRenderer.Render(refusal, ephemeralAllowed: true), withResponse: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.DiscordCode is 10062 or 40060)
        {
            LogInteractionExpired(logger, interaction.Id, ex.DiscordCode);
        }
    }

    private async Task<ReplyLanding> AnswerAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (interaction.Kind == InteractionKind.Button && IsEmpty(reply))
        {
            // Nothing to say: acknowledge the click without a message.
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallbackType.DeferredUpdateMessage, null, false, cancellationToken).ConfigureAwait(false);
            return ReplyLanding.Unrecorded;
        }

        var message = DiscordRenderer.Render(reply, ephemeralAllowed: true);
        var tracked = PostedMessageTracker.WantsPostedMessage(reply) && message.Payload.Flags is null;
        var messageId = await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionCallbackType.ChannelMessageWithSource,
            message, withResponse: tracked, cancellationToken).ConfigureAwait(false);
        if (tracked && messageId is null && interaction.ApplicationId is { } appId)
        {
            messageId = await rest.GetOriginalResponseIdAsync(appId, interaction.Token, cancellationToken).ConfigureAwait(false);
        }

        return tracked && messageId is not null ? ReplyLanding.At(new MessageRef(conversation, messageId)) : ReplyLanding.Unrecorded;
    }

    private async Task<ReplyLanding> FollowUpAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (interaction.ApplicationId is not { } appId)
        {
            LogNoApplicationId(logger, interaction.Id);
            return ReplyLanding.NotDelivered;
        }

        var ephemeral = reply.IsError || reply.Visibility == ReplyVisibility.OnlyInvoker;
        string messageId;
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
            else if (IsEmpty(reply))
            {
                return ReplyLanding.Unrecorded;
            }

            messageId = await rest.CreateFollowupAsync(appId, interaction.Token, DiscordRenderer.Render(reply, ephemeralAllowed: true), cancellationToken).ConfigureAwait(false);
        }

        return ephemeral ? ReplyLanding.Unrecorded : ReplyLanding.At(new MessageRef(conversation, messageId));
    }

    private static bool IsEmpty(Reply reply) => string.IsNullOrWhiteSpace(reply.Text) && reply.Attachments.IsEmpty && reply.Title is null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord interaction {InteractionId} deferred (type {Type})")]
    private static partial void LogDeferred(ILogger logger, string interactionId, int type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} could no longer be answered (code {Code}); was the 3 s deadline missed?")]
    private static partial void LogInteractionExpired(ILogger logger, string interactionId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} has no application id; cannot follow up")]
    private static partial void LogNoApplicationId(ILogger logger, string interactionId);
}
