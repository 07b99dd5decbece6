using System.Collections.Immutable;

namespace PolicyBot.Core.Chat;

/// <summary>Who may see a reply.</summary>
public enum ReplyVisibility
{
    /// <summary>Everyone in the conversation.</summary>
    Channel,

    /// <summary>Only the person who ran the command (Discord ephemeral, Slack ephemeral, console: printed as private).</summary>
    OnlyInvoker,
}

/// <summary>Which pings a reply may cause. User text never pings @everyone, @here or a role unless a feature opts in.</summary>
public enum MentionPolicy
{
    None,

    /// <summary>An admin configured this post (a deadline) to ping everyone.</summary>
    Everyone,
}

/// <summary>
/// A platform-neutral reply: adapters render it (Discord content/embeds/components, Slack Block Kit, console text).
/// <see cref="Text"/> is light markdown: <c>**bold**</c>, <c>_italic_</c>, <c>&gt; quote</c> lines and <c>`code`</c>.
/// </summary>
public sealed record Reply
{
    public Reply(string text) => Text = text;

    public string? Title { get; init; }

    public string Text { get; init; }

    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>Buttons. Each id is <c>command:arg1:arg2</c>; a click runs that command with those arguments.</summary>
    public ImmutableArray<ReplyAction> Actions { get; init; } = [];

    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    public ReplyVisibility Visibility { get; init; } = ReplyVisibility.Channel;

    public MentionPolicy Mentions { get; init; } = MentionPolicy.None;

    /// <summary>
    /// The one member this post is for (a reminder's owner, by platform user id): adapters ping them and nobody else.
    /// Ids that are not well-formed for the platform are ignored, so no text can smuggle a ping in.
    /// </summary>
    public string? NotifyUserId { get; init; }

    /// <summary>Footer line, e.g. the attribution of an article.</summary>
    public string? Footer { get; init; }

    /// <summary>
    /// When set, the inbound pipeline reports where this reply landed to every <see cref="IPostedMessageSink"/> (through
    /// <see cref="PostedMessageTracker"/>), so a feature can edit it later: poll cards use <c>poll:&lt;id&gt;</c>.
    /// </summary>
    public string? TrackingKey { get; init; }

    /// <summary>
    /// Like <see cref="TrackingKey"/>, where this reply landed is reported under this key, but nothing edits or
    /// withdraws it: it lets a feature recognise a member's reply to it (an answer that may be followed up). Platforms
    /// that cannot report the message without changing how they answer (a Slack slash command's inline answer) skip it.
    /// </summary>
    public string? FollowUpKey { get; init; }

    /// <summary>True when the reply reports a problem with the user's input (rendered as an error, ephemeral where possible).</summary>
    public bool IsError { get; init; }

    public static Reply Error(string text) => new(text) { IsError = true, Visibility = ReplyVisibility.OnlyInvoker };

    public static Reply Private(string text) => new(text) { Visibility = ReplyVisibility.OnlyInvoker };
}
