namespace PolicyBot.Core.Chat;

/// <summary>
/// What makes a post idempotent on the platform's side: a post that may be retried (a scheduled post after a crash)
/// carries the same <see cref="Key"/> every time, so the platform can recognise it. Discord sends the key as the
/// message <c>nonce</c> with <c>enforce_nonce</c>; Slack puts it in the message <c>metadata</c> and, on a retry, first
/// looks for it in the channel's recent history.
/// </summary>
/// <param name="Key">At most <see cref="MaxKeyLength"/> characters of [0-9a-z] (Discord's nonce limit), the same on every retry.</param>
/// <param name="NotBefore">The post cannot have been made earlier than this (the job's due time): where a history search starts.</param>
/// <param name="MayAlreadyExist">A retry: an earlier attempt may have posted before it died, so look before posting.</param>
public sealed record PostOnce(string Key, DateTimeOffset NotBefore, bool MayAlreadyExist)
{
    public const int MaxKeyLength = 25;
}
