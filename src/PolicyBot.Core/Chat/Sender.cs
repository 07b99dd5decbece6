namespace PolicyBot.Core.Chat;

/// <summary>Who sent a command. The adapter decides <see cref="IsAdmin"/> from platform facts (roles, config).</summary>
public sealed record Sender(string UserId, string DisplayName, bool IsAdmin = false);
