namespace PolicyBot.Discord.Rest;

/// <summary>The JSON body of Create/Edit Message and of a message interaction response (field names go snake_case).</summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }

    public EmbedPayload[]? Embeds { get; init; }

    public AllowedMentionsPayload AllowedMentions { get; init; } = AllowedMentionsPayload.None;

    public ComponentPayload[]? Components { get; init; }

    public AttachmentPayload[]? Attachments { get; init; }

    public int? Flags { get; init; }

    public MessageReferencePayload? MessageReference { get; init; }

    /// <summary>
    /// Up to 25 characters; with <see cref="EnforceNonce"/> Discord returns the message it already created with this
    /// nonce (same author, last few minutes) instead of creating another, so a retried create posts once.
    /// </summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }
}

/// <summary><c>parse: []</c> suppresses every ping; only a feature that asks (an admin's deadline) may ping everyone.</summary>
public sealed record AllowedMentionsPayload(string[] Parse, bool? RepliedUser = null, string[]? Users = null)
{
    public static readonly AllowedMentionsPayload None = new([], false);
    public static readonly AllowedMentionsPayload Everyone = new(["everyone"], false);

    /// <summary>Pings this one user and nobody else (a reminder's owner).</summary>
    public static AllowedMentionsPayload OnlyUser(string userId) => new([], false, [userId]);
}

public sealed record EmbedPayload
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public EmbedFieldPayload[]? Fields { get; init; }

    public EmbedFooterPayload? Footer { get; init; }

    public EmbedImagePayload? Image { get; init; }
}

public sealed record EmbedFieldPayload(string Name, string Value, bool Inline = false);

public sealed record EmbedFooterPayload(string Text);

public sealed record EmbedImagePayload(string Url);

/// <summary>An action row (type 1) or a button (type 2).</summary>
public sealed record ComponentPayload(int Type)
{
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public ComponentPayload[]? Components { get; init; }
}

public sealed record AttachmentPayload(int Id, string Filename, string? Description = null);

public sealed record MessageReferencePayload(string MessageId, bool FailIfNotExists = false);

/// <summary>Body of <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed record InteractionCallbackPayload(int Type, MessagePayload? Data = null);

/// <summary>Interaction callback types we use.</summary>
public static class InteractionCallbackType
{
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
}

public static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}
