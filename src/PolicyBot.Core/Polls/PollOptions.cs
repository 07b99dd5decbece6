using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Polls;

/// <summary>Configuration section <c>Polls</c>.</summary>
public sealed class PollOptions
{
    public const string SectionName = "Polls";

    /// <summary>At most one edit of a poll card per this interval, whatever the vote rate.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CardUpdateInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many open polls <c>polls</c> lists.</summary>
    [Range(1, 50)]
    public int MaxListed { get; set; } = 15;

    /// <summary>Ready-made polls by name (case-insensitive).</summary>
    public Dictionary<string, PollPreset> Presets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
