namespace PolicyBot.Discord;

/// <summary>Configuration section <c>Discord</c>. The adapter runs only when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token. Never logged; <see cref="ToString"/> redacts it.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The application id; taken from READY when absent.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>REST base including the version; tests point it at a loopback server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Overrides <c>Commands:Prefix</c> for Discord messages when set.</summary>
    public string? Prefix { get; set; }

    /// <summary>
    /// When set, the only guilds served: slash commands are registered in them (immediate), and commands from any other
    /// guild or from direct messages are not run. Empty: every guild and DMs, with global registration.
    /// </summary>
    public string[] GuildIds { get; set; } = [];

    /// <summary>Whether commands from this guild (null: a direct message) are served.</summary>
    public bool Serves(string? guildId) => GuildIds.Length == 0 || (guildId is not null && Array.IndexOf(GuildIds, guildId) >= 0);

    /// <summary>Members with any of these roles are admins, besides those with Manage Server.</summary>
    public string[] AdminRoleIds { get; set; } = [];

    /// <summary>The shards this instance runs; all of <see cref="ShardCount"/> when empty.</summary>
    public int[] ShardIds { get; set; } = [];

    /// <summary>Total shards across all instances; Discord's recommendation from <c>/gateway/bot</c> when absent.</summary>
    public int? ShardCount { get; set; }

    /// <summary>Replace the slash commands with the catalog's on start (bulk overwrite).</summary>
    public bool RegisterSlashCommands { get; set; } = true;

    /// <summary>
    /// A slash command or click whose handler has not finished by then is deferred (type 5/6) and answered later,
    /// keeping well inside Discord's 3-second deadline. A typed command still running by then gets a "Thinking…"
    /// reply that is edited into the answer.
    /// </summary>
    public TimeSpan InteractionDeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>First reconnect delay after a failure; doubles (with jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest gateway message read; a bigger one ends the connection (which resumes) instead of growing a buffer
    /// without bound. Discord's largest events (GUILD_CREATE of a big guild) stay far below the default.
    /// </summary>
    public int MaxGatewayMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How many 401/403/429 answers in 10 minutes we allow ourselves; Discord bans the IP at 10,000.</summary>
    public int InvalidRequestBudget { get; set; } = 5_000;

    public override string ToString() =>
        $"DiscordOptions {{ Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")}, ApplicationId = {ApplicationId ?? "(from READY)"}, " +
        $"ApiBaseUrl = {ApiBaseUrl}, Prefix = {Prefix ?? "(Commands:Prefix)"}, GuildIds = [{string.Join(',', GuildIds)}], " +
        $"AdminRoleIds = [{string.Join(',', AdminRoleIds)}], ShardIds = [{string.Join(',', ShardIds)}], ShardCount = {ShardCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(recommended)"} }}";
}
