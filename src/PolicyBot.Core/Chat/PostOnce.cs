namespace PolicyBot.Core.Chat;

/// <summary>
/// What makes a post idempotent on the platform's side: a post that may be retried (a scheduled post after a crash)
/// carries the same <see cref="Key"/> every time, so the platform can recognise it. Discord sends the key as the
/// message <c>nonce</c> with <c>enforce_nonce</c>, which Discord honours for a few minutes only, so on a retry it first
/// looks in the channel's messages since <see cref="NotBefore"/> for one the bot wrote with the same content (the key
/// cannot be read back); Slack puts it in the message <c>metadata</c> and, on a retry, first looks for it in the
/// channel's recent history. A post whose later lines may differ between attempts (a reminder's "late by" line) names
/// the opening they share (<see cref="Opening"/>); another post whose text differs is not recognised on Discord after
/// the nonce window. A platform that cannot read the history posts anyway: a repeat rather than a loss.
/// </summary>
/// <param name="Key">At most <see cref="MaxKeyLength"/> characters of [0-9a-z] (Discord's nonce limit), the same on every retry.</param>
/// <param name="NotBefore">The post cannot have been made earlier than this (the job's due time): where a history search starts.</param>
/// <param name="MayAlreadyExist">A retry: an earlier attempt may have posted before it died, so look before posting.</param>
public sealed record PostOnce(string Key, DateTimeOffset NotBefore, bool MayAlreadyExist)
{
    public const int MaxKeyLength = 25;

    /// <summary>
    /// The start of the post's text that every attempt shares, when what follows may differ; null when every attempt
    /// reads the same. Where the key cannot be read back (Discord), a message of the bot's that opens so is the post.
    /// </summary>
    public string? Opening { get; init; }
}
