namespace PolicyBot.Discord.Rest;

/// <summary>
/// Discord ids carry their creation time: the top bits are milliseconds since Discord's epoch (2015-01-01), so an id
/// made from an instant can bound a message query (<c>after</c>) by time.
/// </summary>
public static class Snowflake
{
    public static readonly DateTimeOffset DiscordEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1_420_070_400_000);

    private const int TimestampShift = 22;

    /// <summary>The largest id made before <paramref name="instant"/>: <c>after</c> it lists everything made from then on.</summary>
    public static ulong JustBefore(DateTimeOffset instant)
    {
        var milliseconds = (long)(instant - DiscordEpoch).TotalMilliseconds;
        return milliseconds <= 0 ? 0 : ((ulong)milliseconds << TimestampShift) - 1;
    }
}
