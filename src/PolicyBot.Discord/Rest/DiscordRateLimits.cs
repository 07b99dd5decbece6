using Microsoft.Extensions.Options;

namespace PolicyBot.Discord.Rest;

/// <summary>The process-wide rate-limit state shared by every <see cref="DiscordRestClient"/> (typed clients are transient).</summary>
public sealed class DiscordRateLimits(TimeProvider timeProvider, IOptions<DiscordOptions> options)
{
    public RateLimitRegistry Buckets { get; } = new(timeProvider);

    public GlobalRateLimiter Global { get; } = new(timeProvider);

    public InvalidRequestGuard InvalidRequests { get; } = new(timeProvider, options.Value.InvalidRequestBudget);
}
