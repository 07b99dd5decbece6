namespace PolicyBot.Discord.Gateway;

/// <summary>What to do after the gateway connection ended.</summary>
public enum ReconnectAction
{
    /// <summary>Open a new socket on resume_gateway_url and send Resume (keeps missed events).</summary>
    Resume,

    /// <summary>The session is gone: connect to the normal gateway URL and Identify.</summary>
    Identify,

    /// <summary>Retrying cannot help (bad token, bad shard, disallowed intents): stop the adapter.</summary>
    Fatal,
}

/// <summary>Discord's gateway close codes and the action each calls for.</summary>
public static class GatewayCloseCodes
{
    /// <summary>Our own close code for a planned reconnect: anything but 1000/1001 keeps the session resumable.</summary>
    public const int ReconnectClose = 4000;

    public static ReconnectAction Classify(int? closeCode) => closeCode switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => ReconnectAction.Fatal,
        4003 or 4005 or 4007 or 4008 or 4009 => ReconnectAction.Identify,
        _ => ReconnectAction.Resume,
    };

    /// <summary>A one-line explanation for an operator, naming the setting to fix.</summary>
    public static string Describe(int closeCode) => closeCode switch
    {
        4004 => "authentication failed: the bot token is wrong or was reset; fix Discord:Token",
        4010 => "invalid shard: Discord:ShardIds/Discord:ShardCount do not fit",
        4011 => "sharding required: the bot is in too many guilds for one shard; set Discord:ShardCount (see /gateway/bot)",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: switch on the Message Content intent for the bot in the Discord Developer Portal",
        4003 => "not authenticated",
        4007 => "invalid sequence on resume",
        4008 => "rate limited",
        4009 => "session timed out",
        _ => "connection closed",
    };
}
