using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Commands;

/// <summary>Configuration section <c>Commands</c>.</summary>
public sealed class CommandOptions
{
    public const string SectionName = "Commands";

    /// <summary>What starts a command in a chat message (Discord messages and the console).</summary>
    [Required(ErrorMessage = "Commands:Prefix is required: 1 to 5 characters, not all blank, such as !.")]
    [StringLength(5, MinimumLength = 1, ErrorMessage = "Commands:Prefix must be between 1 and 5 characters long.")]
    public string Prefix { get; set; } = "!";

    /// <summary>Longer messages are refused politely before any parsing.</summary>
    [Range(100, 100_000, ErrorMessage = "Commands:MaxMessageLength must be between 100 and 100000 (characters).")]
    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>How many commands a user may send in a burst.</summary>
    [Range(1, 1000, ErrorMessage = "Commands:RateLimitBurst must be between 1 and 1000.")]
    public int RateLimitBurst { get; set; } = 6;

    /// <summary>After the burst, one more command per this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Commands:RateLimitPeriod must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Platforms whose users are not rate limited. The console is one local operator piping a script, not a crowd
    /// sharing a bot, so by default it is exempt.
    /// </summary>
    public string[] RateLimitExemptPlatforms { get; set; } = ["console"];
}
