using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>
/// A token bucket per user (per platform): a burst, then a steady rate. Over the limit the user hears
/// "slow down" once per burst rather than silence, so they know the bot is alive.
/// </summary>
public sealed class RateLimitFilter : ICommandFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _period;
    private readonly HashSet<string> _exemptPlatforms;

    public RateLimitFilter(IOptions<CommandOptions> options)
    {
        var settings = options.Value;
        _period = TimeSpan.FromSeconds(settings.RateLimitSecondsPerCommand);
        _exemptPlatforms = new HashSet<string>(settings.RateLimitExemptPlatforms, StringComparer.OrdinalIgnoreCase);
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(
            user,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.RateLimitBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = _period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public int Order => 10;

    public ValueTask<Reply?> CheckAsync(CommandInvocation invocation, CommandDeclaration command, CancellationToken cancellationToken)
    {
        if (_exemptPlatforms.Contains(invocation.Conversation.Platform))
        {
            return ValueTask.FromResult<Reply?>(null);
        }

        using var lease = _limiter.AttemptAcquire($"{invocation.Conversation.Platform}:{invocation.Sender.UserId}");
        if (lease.IsAcquired)
        {
            return ValueTask.FromResult<Reply?>(null);
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _period;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return ValueTask.FromResult<Reply?>(Reply.Error(
            $"Slow down a little, please: you're sending commands faster than I take them. Try again in {seconds} s."));
    }

    public void Dispose() => _limiter.Dispose();
}
