using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Polls;

/// <summary>Configuration section <c>Polls</c>.</summary>
public sealed class PollOptions
{
    public const string SectionName = "Polls";

    /// <summary>At most one edit of a poll card per this interval, whatever the vote rate.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Polls:CardUpdateInterval must be between 00:00:00.100 and 00:10:00.")]
    public TimeSpan CardUpdateInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a poll created without <c>--closes</c> stays open: every poll closes, so retention
    /// (<c>Storage:Retention:ClosedPolls</c>) can delete it later. The bounds are those of <c>--closes</c>
    /// (<see cref="PollLimits.MinOpenDuration"/> to <see cref="PollLimits.MaxOpenDuration"/>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "366.00:00:00",
        ErrorMessage = "Polls:DefaultOpenFor must be between 00:01:00 and 366.00:00:00, the range --closes accepts: a poll that never closes is never deleted.")]
    public TimeSpan DefaultOpenFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many open polls <c>polls</c> lists.</summary>
    [Range(1, 50, ErrorMessage = "Polls:MaxListed must be between 1 and 50.")]
    public int MaxListed { get; set; } = 15;

    /// <summary>Ready-made polls by name (case-insensitive).</summary>
    public Dictionary<string, PollPreset> Presets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
