using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Storage.Retention;

/// <summary>
/// Configuration section <c>Storage:Retention</c>: how long each table that grows with traffic keeps its rows. Tables
/// that only hold live state (reminders, due jobs: deleted when done) and one row per member (user time zones) need none.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Storage:Retention";

    /// <summary>
    /// Delivery ids (<c>delivery_log</c> for commands, <c>poll_vote_deliveries</c> for votes). A retried delivery whose id
    /// was pruned would be accepted again, so this must outlast every platform's retry window: Slack retries an event
    /// for about 6 minutes (at once, after 1 and after 5 minutes) and refuses signatures older than 5; Discord replays a
    /// resumed session's missed events, and a session resumes within minutes. An hour is the floor; a day the default.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00",
        ErrorMessage = "Storage:Retention:DeliveryIds must be between 01:00:00 and 3650.00:00:00: shorter than a platform's retry window would let a retried delivery count twice.")]
    public TimeSpan DeliveryIds { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Answers given by <c>ask</c> (<c>answer_log</c>) and the helpful / not helpful votes on them (<c>answer_vote</c>).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00",
        ErrorMessage = "Storage:Retention:Answers must be between 1.00:00:00 and 3650.00:00:00.")]
    public TimeSpan Answers { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Polls closed this long ago go with their options and ballots (<c>polls</c>, <c>poll_options</c>, <c>poll_ballots</c>); open polls stay.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00",
        ErrorMessage = "Storage:Retention:ClosedPolls must be between 1.00:00:00 and 3650.00:00:00.")]
    public TimeSpan ClosedPolls { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Open polls with no closing time (created before every poll got one, <c>Polls:DefaultOpenFor</c>) are closed once
    /// this old, so that <see cref="ClosedPolls"/> can delete them later. New polls always have a closing time.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "366.00:00:00",
        ErrorMessage = "Storage:Retention:OpenEndedPolls must be between 1.00:00:00 and 366.00:00:00, the longest a poll may stay open.")]
    public TimeSpan OpenEndedPolls { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// An open poll whose closing time passed more than this long ago and that has no <c>poll.close</c> job (the process
    /// died between storing it and scheduling the job) is closed by the pruner, at its closing time, so that
    /// <see cref="ClosedPolls"/> can delete it later. Not configurable: a day is far beyond any job's normal lateness
    /// (seconds), and a poll whose job still exists is never taken from it, however late.
    /// </summary>
    public static readonly TimeSpan OverduePollGrace = TimeSpan.FromDays(1);

    /// <summary>How often the pruner runs (and once at start-up).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00",
        ErrorMessage = "Storage:Retention:Interval must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement: each batch commits on its own, so votes never wait long behind a prune.</summary>
    [Range(10, 100_000, ErrorMessage = "Storage:Retention:BatchSize must be between 10 and 100000.")]
    public int BatchSize { get; set; } = 1000;
}
