using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

/// <summary>Makes the responder for each kind of Discord command, with the deferral time every one of them works to.</summary>
public sealed class DiscordResponders(
    DiscordPlatform platform,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<InteractionResponder> interactionLogger)
{
    private readonly TimeSpan _deferAfter = options.Value.InteractionDeferAfter;

    /// <param name="messageId">The member's message, which the answer replies to.</param>
    public MessageCommandResponder ForMessage(ConversationRef conversation, string? messageId) =>
        new(platform, conversation, messageId, _deferAfter);

    public InteractionResponder ForInteraction(DiscordInteraction interaction, ConversationRef conversation) =>
        new(rest, interaction, conversation, _deferAfter, interactionLogger);

    /// <summary>Answers an interaction that names no command we serve (or comes from a guild we do not serve).</summary>
    public Task RefuseAsync(DiscordInteraction interaction, CancellationToken cancellationToken) =>
        InteractionResponder.RefuseAsync(rest, interaction, interactionLogger, cancellationToken);
}
