namespace PolicyBot.Discord.Gateway;

/// <summary>Reconnect delays: the initial delay doubling per consecutive failure, ±25 % jitter, capped.</summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public int Failures { get; private set; }

    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(Failures, 16);
        Failures++;
        var baseDelay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jittered = baseDelay * (0.75 + (_random() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }

    public void Reset() => Failures = 0;
}
