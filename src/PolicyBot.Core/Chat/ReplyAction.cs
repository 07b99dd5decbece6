namespace PolicyBot.Core.Chat;

public enum ActionStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

/// <summary>A button. <see cref="Id"/> carries its state (<c>vote:12:3</c>) so a click needs no server-side session.</summary>
public sealed record ReplyAction(string Id, string Label, ActionStyle Style = ActionStyle.Secondary);
