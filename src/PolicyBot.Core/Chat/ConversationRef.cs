namespace PolicyBot.Core.Chat;

/// <summary>Where a reply goes. Stored with every poll and reminder so proactive sends work after a restart.</summary>
/// <param name="Platform">"console", "discord" or "slack" (see <see cref="Platforms"/>).</param>
/// <param name="ChannelId">The platform's channel (or DM) id.</param>
/// <param name="ThreadId">A thread inside the channel, when the conversation lives in one.</param>
public sealed record ConversationRef(string Platform, string ChannelId, string? ThreadId = null)
{
    public override string ToString() => ThreadId is null ? $"{Platform}:{ChannelId}" : $"{Platform}:{ChannelId}/{ThreadId}";
}

/// <summary>Platform names, the keys by which adapters register themselves.</summary>
public static class Platforms
{
    public const string Console = "console";
    public const string Discord = "discord";
    public const string Slack = "slack";
}
