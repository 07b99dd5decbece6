using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Inbound;

/// <summary>Where an answer landed, as the adapter's <see cref="IResponder"/> reports it.</summary>
/// <param name="Message">The posted message, when there is one that can be found and edited later.</param>
/// <param name="Undelivered">True when the answer could not be posted at all (the adapter told the member why, if it could).</param>
public readonly record struct ReplyLanding(MessageRef? Message, bool Undelivered)
{
    /// <summary>Shown, but nowhere to edit later: ephemeral, inside the acknowledgement, through a response URL.</summary>
    public static ReplyLanding Unrecorded => default;

    public static ReplyLanding NotDelivered => new(null, Undelivered: true);

    public static ReplyLanding At(MessageRef message) => new(message, Undelivered: false);
}
