using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace PolicyBot.Slack;

/// <summary>Configuration section <c>Slack</c>. Tokens and the signing secret are secrets: never log them.</summary>
public sealed partial class SlackOptions : IValidatableObject
{
    public const string SectionName = "Slack";

    /// <summary>Turns HTTP mode on: requests to <see cref="EventsPath"/> are checked against it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>xoxb-…</c>: the Web API token for posting, editing and uploading.</summary>
    public string? BotToken { get; set; }

    /// <summary><c>xapp-…</c> with <c>connections:write</c>: turns Socket Mode on.</summary>
    public string? AppToken { get; set; }

    /// <summary>The slash command that carries every PolicyBot command as its first word.</summary>
    [Required(ErrorMessage = "Slack:CommandName is required: a slash command such as /policy.")]
    [RegularExpression("^/[a-z0-9_-]{1,31}$",
        ErrorMessage = "Slack:CommandName must be / followed by 1 to 31 lowercase letters, digits, _ or -, such as /policy.")]
    public string CommandName { get; set; } = "/policy";

    /// <summary>Slack user ids (U…/W…) that may run admin commands.</summary>
    public string[] AdminUserIds { get; set; } = [];

    /// <summary>
    /// When set, the only workspaces (team ids, T…; or Enterprise Grid ids, E…) served: commands, clicks and mentions from
    /// any other are not run. Empty: every workspace the app is installed in.
    /// </summary>
    public string[] TeamIds { get; set; } = [];

    [Required(ErrorMessage = "Slack:ApiBaseUrl is required: the Web API's base URL, such as https://slack.com/api/.")]
    [Url(ErrorMessage = "Slack:ApiBaseUrl must be a URL starting with https:// or http://, such as https://slack.com/api/.")]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    [Required(ErrorMessage = "Slack:EventsPath is required: the path of the events endpoint, such as /slack/events.")]
    [RegularExpression("^/.*", ErrorMessage = "Slack:EventsPath must start with /, such as /slack/events.")]
    public string EventsPath { get; set; } = "/slack/events";

    /// <summary>How long a command may run before we acknowledge and answer through <c>response_url</c>; Slack allows 3 s in all.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "Slack:InlineReplyBudget must be between 00:00:00 and 00:00:02.500 (Slack allows 3 s in all).")]
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Slack's replay window for signed requests, both ways.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Slack:SignatureWindow must be between 00:00:01 and 01:00:00.")]
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Slack allows about one message per second per channel; posts and edits to one channel queue in order.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Slack:ChannelMessageInterval must be between 00:00:00 and 00:01:00.")]
    public TimeSpan ChannelMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Socket Mode connections kept open at once, so a refresh of one never leaves us deaf (Slack allows 10).</summary>
    [Range(1, 10, ErrorMessage = "Slack:SocketModeConnections must be between 1 and 10.")]
    public int SocketModeConnections { get; set; } = 2;

    /// <summary>Each further Socket Mode connection opens this much later, so they refresh at different times.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Slack:SocketModeStagger must be between 00:00:00 and 00:10:00.")]
    public TimeSpan SocketModeStagger { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest request body accepted on the events endpoint; Slack's are a few KB.</summary>
    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "Slack:MaxRequestBodyBytes must be between 1024 and 10485760 (10 MiB).")]
    public int MaxRequestBodyBytes { get; set; } = 512 * 1024;

    internal bool IsAdmin(string userId) => Array.IndexOf(AdminUserIds, userId) >= 0;

    /// <summary>Whether a request from this workspace (and, on Enterprise Grid, organisation) is served.</summary>
    internal bool Serves(string teamId, string enterpriseId = "") =>
        TeamIds.Length == 0 || (teamId.Length > 0 && Array.IndexOf(TeamIds, teamId) >= 0) || (enterpriseId.Length > 0 && Array.IndexOf(TeamIds, enterpriseId) >= 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TeamIds.Where(id => !TeamIdShape().IsMatch(id))
            .Select(id => new ValidationResult($"Slack:TeamIds has '{id}', which is not a Slack team id (T…) or enterprise id (E…).", [nameof(TeamIds)]));

    [GeneratedRegex("^[TE][A-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamIdShape();
}
