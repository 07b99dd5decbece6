using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Reminders;

/// <summary>Configuration section <c>Reminders</c>.</summary>
public sealed class RemindersOptions
{
    public const string SectionName = "Reminders";

    /// <summary>What came due while the bot was down is still posted (marked late) if at most this late; older is skipped and logged.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Reminders:LateGrace must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan LateGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A post later than this says so ("late by 12 minutes").</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Reminders:LateMarkAfter must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan LateMarkAfter { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 10_000, ErrorMessage = "Reminders:MaxActivePerUser must be between 1 and 10000.")]
    public int MaxActivePerUser { get; set; } = 25;

    public const int DefaultMaxYearsAhead = 5;

    /// <summary>How far ahead a reminder may be set; times and durations beyond it are refused when read.</summary>
    [Range(1, 100, ErrorMessage = "Reminders:MaxYearsAhead must be between 1 and 100 (whole years).")]
    public int MaxYearsAhead { get; set; } = DefaultMaxYearsAhead;

    /// <summary>Recurring reminders may not repeat more often than this (a channel is not a metronome).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Reminders:MinRecurrenceInterval must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan MinRecurrenceInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>For users who have not run <c>timezone</c>.</summary>
    [Required(ErrorMessage = "Reminders:DefaultTimeZone is required: an IANA time zone such as UTC or Europe/Berlin.")]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Admin-configured deadlines with countdown posts.</summary>
    public List<DeadlineOptions> Deadlines { get; set; } = [];
}

/// <summary>One deadline as configured (see <see cref="Deadline"/> for the validated form).</summary>
public sealed class DeadlineOptions
{
    public string Name { get; set; } = "";

    /// <summary>Local date-time in <see cref="TimeZone"/>, e.g. <c>2019-12-31T23:59</c>.</summary>
    public string Due { get; set; } = "";

    /// <summary>IANA id, e.g. <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<DeadlineChannelOptions> Channels { get; set; } = [];

    /// <summary>Optional Cronos expression (five fields) in <see cref="TimeZone"/> for regular countdown posts.</summary>
    public string? Cron { get; set; }

    /// <summary>Posts this long before the due time: "7d", "1d", "1h".</summary>
    public List<string> Offsets { get; set; } = [];

    /// <summary>Countdown post; placeholders {countdown}, {name}, {due}.</summary>
    public string Template { get; set; } = "{countdown} until {name}, {due}";

    /// <summary>The one post at the due time; placeholders {name}, {due}.</summary>
    public string PassedTemplate { get; set; } = "{name} has passed ({due}).";

    /// <summary>Only an admin's config can make a post ping everyone.</summary>
    public bool MentionEveryone { get; set; }
}

public sealed class DeadlineChannelOptions
{
    public string Platform { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public string? ThreadId { get; set; }
}
