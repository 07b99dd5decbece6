using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Identify limits. Concurrency: Discord allows <c>max_concurrency</c> identifies per 5 s, one per rate-limit key
/// (<c>shard_id % max_concurrency</c>); a key stays taken for the window after each identify. Budget: a bot may start
/// only <c>session_start_limit.total</c> sessions a day (normally 1000), and at the limit Discord ends every session and
/// resets the bot's token, so with none left an identify waits for the budget to refill (a reconnect loop cannot burn it).
/// </summary>
public sealed partial class IdentifyGate(TimeProvider timeProvider, TimeSpan window, ILogger<IdentifyGate>? logger = null)
{
    public static readonly TimeSpan DiscordWindow = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _keys = new();
    private readonly ILogger _logger = logger ?? NullLogger<IdentifyGate>.Instance;
    private readonly Lock _budgetLock = new();
    private int _total = SessionStartLimit.Unknown.Total;
    private int _remaining = SessionStartLimit.Unknown.Remaining;
    private DateTimeOffset _refillsAt = DateTimeOffset.MinValue;

    public IdentifyGate(TimeProvider timeProvider)
        : this(timeProvider, DiscordWindow)
    {
    }

    /// <summary>Session starts left, as last told by Discord and counted down since.</summary>
    public int SessionStartsRemaining
    {
        get
        {
            lock (_budgetLock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>Takes the budget from <c>GET /gateway/bot</c>.</summary>
    public void SetSessionStartLimit(SessionStartLimit limit)
    {
        lock (_budgetLock)
        {
            _total = Math.Max(1, limit.Total);
            _remaining = Math.Clamp(limit.Remaining, 0, _total);

            // No reset time reported (or "now"): assume the full day, the safe side.
            _refillsAt = timeProvider.GetUtcNow() + (limit.ResetAfter > TimeSpan.Zero ? limit.ResetAfter : TimeSpan.FromDays(1));
        }

        if (limit.Remaining < Math.Max(1, limit.Total / 10))
        {
            LogBudgetLow(limit.Remaining, limit.Total, limit.ResetAfter);
        }
    }

    /// <summary>
    /// Spends one session start before a shard connects to identify, waiting (socket closed) until the budget refills
    /// when none is left. Call it before connecting, not inside the handshake: a long wait would starve the heartbeats.
    /// </summary>
    public async Task ReserveSessionStartAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_budgetLock)
            {
                // Discord's window is a day long from the reset it reported: refill on its schedule, not from when we ran out.
                var now = timeProvider.GetUtcNow();
                while (now >= _refillsAt)
                {
                    _remaining = _total;
                    _refillsAt += TimeSpan.FromDays(1);
                }

                if (_remaining > 0)
                {
                    _remaining--;
                    return;
                }

                wait = _refillsAt - now;
            }

            LogBudgetExhausted(shardId, wait);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="identify"/> in the shard's turn; the turn is released <see cref="DiscordWindow"/> later.</summary>
    public async Task RunAsync(int shardId, int maxConcurrency, Func<CancellationToken, Task> identify, CancellationToken cancellationToken)
    {
        var key = shardId % Math.Max(1, maxConcurrency);
        var turn = _keys.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await identify(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _ = ReleaseAfterWindowAsync(turn);
        }
    }

    private async Task ReleaseAfterWindowAsync(SemaphoreSlim turn)
    {
        try
        {
            await Task.Delay(window, timeProvider, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord session starts running low: {Remaining} of {Total} left, refilled in {ResetAfter}")]
    private partial void LogBudgetLow(int remaining, int total, TimeSpan resetAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord session start budget used up: shard {ShardId} waits {Wait} before identifying (going over would reset the bot token)")]
    private partial void LogBudgetExhausted(int shardId, TimeSpan wait);
}
