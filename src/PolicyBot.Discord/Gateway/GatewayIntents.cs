namespace PolicyBot.Discord.Gateway;

/// <summary>Gateway intents (bit flags). Interactions need none: INTERACTION_CREATE is always sent.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged: switch it on in the Developer Portal, or Discord closes with 4014.</summary>
    MessageContent = 1 << 15,

    /// <summary>What PolicyBot needs: guild and DM messages with their text, plus guild data for admin checks (37377).</summary>
    PolicyBot = Guilds | GuildMessages | MessageContent | DirectMessages,
}
