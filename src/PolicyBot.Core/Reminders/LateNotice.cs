namespace PolicyBot.Core.Reminders;

/// <summary>
/// The catch-up rule for what came due while the bot was down: at most <see cref="RemindersOptions.LateGrace"/> late is
/// posted once, marked late when over <see cref="RemindersOptions.LateMarkAfter"/>; anything older is skipped (and logged).
/// </summary>
public static class LateNotice
{
    public static bool IsTooLate(TimeSpan lateness, RemindersOptions options) => lateness > options.LateGrace;

    /// <summary>Late enough that the post says so (and the <c>late</c> metric tag is true).</summary>
    public static bool IsMarkedLate(TimeSpan lateness, RemindersOptions options) => lateness > options.LateMarkAfter;

    /// <summary>"_(late by 12 minutes: I was offline when this came due)_", or null when on time.</summary>
    public static string? For(TimeSpan lateness, RemindersOptions options) =>
        IsMarkedLate(lateness, options)
            ? $"_(late by {CountdownText.Until(lateness)}: I was offline when this came due)_"
            : null;
}
