using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Commands;

/// <summary>
/// A token bucket per user (per platform): a burst, then a steady rate. Over the limit the user hears "slow down" once,
/// so they know the bot is alive, and then nothing until a command of theirs gets through again: a flood gets one
/// answer, not one per message.
/// </summary>
public sealed class RateLimitFilter : ICommandFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _period;
    private readonly HashSet<string> _exemptPlatforms;

    // Users told to slow down since their last command that got through. Bounded: entries leave when a command passes,
    // and the whole set is dropped if a flood of distinct users ever fills it (each is then told once more).
    private readonly ConcurrentDictionary<string, byte> _told = new(StringComparer.Ordinal);
    private const int MaxTold = 10_000;

    public RateLimitFilter(IOptions<CommandOptions> options)
    {
        var settings = options.Value;
        _period = settings.RateLimitPeriod;
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

    public ValueTask<CommandOutcome?> CheckAsync(CommandInvocation invocation, CommandDeclaration command, CancellationToken cancellationToken)
    {
        if (_exemptPlatforms.Contains(invocation.Conversation.Platform))
        {
            return ValueTask.FromResult<CommandOutcome?>(null);
        }

        var user = $"{invocation.Conversation.Platform}:{invocation.Sender.UserId}";
        using var lease = _limiter.AttemptAcquire(user);
        if (lease.IsAcquired)
        {
            _told.TryRemove(user, out _);
            return ValueTask.FromResult<CommandOutcome?>(null);
        }

        if (_told.Count >= MaxTold)
        {
            _told.Clear();
        }

        if (!_told.TryAdd(user, 0))
        {
            return ValueTask.FromResult<CommandOutcome?>(new CommandOutcome(CommandOutcomeKind.Refused, null));
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _period;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return ValueTask.FromResult<CommandOutcome?>(new CommandOutcome(CommandOutcomeKind.Refused, Reply.Error(
            $"Slow down a little, please: you're sending commands faster than I take them. Try again in {seconds} s.")));
    }

    public void Dispose() => _limiter.Dispose();
}
