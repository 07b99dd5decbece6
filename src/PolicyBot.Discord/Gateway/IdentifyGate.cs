using System.Collections.Concurrent;

namespace PolicyBot.Discord.Gateway;

/// <summary>
/// Identify concurrency: Discord allows <c>max_concurrency</c> identifies per 5 s, one per rate-limit key
/// (<c>shard_id % max_concurrency</c>). A key stays taken for the window after each identify.
/// </summary>
public sealed class IdentifyGate(TimeProvider timeProvider, TimeSpan window)
{
    public static readonly TimeSpan DiscordWindow = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _keys = new();

    public IdentifyGate(TimeProvider timeProvider)
        : this(timeProvider, DiscordWindow)
    {
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
}
