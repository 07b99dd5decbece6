namespace PolicyBot.Slack.BlockKit;

/// <summary>A rendered message: <see cref="Text"/> is the notification and fallback text, <see cref="Blocks"/> what people see.</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks, bool Ephemeral);

/// <summary>The Block Kit blocks PolicyBot uses. All text is already escaped mrkdwn (or plain text for headers and buttons).</summary>
public abstract record Block;

public sealed record HeaderBlock(string PlainText) : Block;

public sealed record SectionBlock(string Mrkdwn) : Block;

public sealed record ContextBlock(IReadOnlyList<string> MrkdwnElements) : Block;

public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Buttons) : Block;

public sealed record DividerBlock : Block;

/// <param name="Style">"primary", "danger" or null.</param>
public sealed record ButtonElement(string ActionId, string Label, string? Style);
