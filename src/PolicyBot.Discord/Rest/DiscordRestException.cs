using System.Net;

namespace PolicyBot.Discord.Rest;

/// <summary>A Discord REST call that failed for good (after the retries that make sense).</summary>
public sealed class DiscordRestException(HttpStatusCode status, int discordCode, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Discord's JSON error code (e.g. 10062 unknown interaction), 0 when none.</summary>
    public int DiscordCode { get; } = discordCode;
}
