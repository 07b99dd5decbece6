namespace PolicyBot.Core.Polls;

/// <summary>A ready-made poll from configuration (<c>Polls:Presets:&lt;name&gt;</c>), started with <c>poll preset &lt;name&gt;</c>.</summary>
public sealed class PollPreset
{
    public string Question { get; set; } = string.Empty;

    public List<string> Options { get; set; } = [];

    /// <summary>How many options a voter may pick; 1 or absent for a single choice.</summary>
    public int? Multi { get; set; }

    public bool Anonymous { get; set; }

    public bool Hidden { get; set; }

    /// <summary>A default closing time such as <c>3d</c>; a <c>--closes</c> flag on the command overrides it.</summary>
    public string? Closes { get; set; }

    /// <summary>One line shown by <c>poll preset</c> when listing presets.</summary>
    public string? Description { get; set; }
}
