using System.Collections.Immutable;
using Cronos;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Reminders;

/// <summary>A validated deadline: a due instant in a zone, where to post, when to post (offsets and/or cron) and what.</summary>
public sealed record Deadline(
    string Name,
    DateTimeOffset DueAt,
    TimeZoneInfo Zone,
    ImmutableArray<ConversationRef> Channels,
    CronExpression? Cron,
    ImmutableArray<(string Text, TimeSpan Before)> Offsets,
    string Template,
    string PassedTemplate,
    bool MentionEveryone)
{
    /// <summary>"12 days until the budget vote, Tue 31 Dec, 23:59 CET" (the configured template).</summary>
    public string CountdownText(DateTimeOffset now) => CountdownText(Template, now);

    /// <summary>The same countdown in the standard wording, for the <c>deadline</c> command.</summary>
    public string StandardCountdownText(DateTimeOffset now) => CountdownText(new DeadlineOptions().Template, now);

    public string PassedText(DateTimeOffset now) => Fill(PassedTemplate, now);

    /// <summary>"The budget vote passed 6 years ago (Tue 31 Dec 2019, 23:59 CET)".</summary>
    public string PassedAgoText(DateTimeOffset now) =>
        $"{Name} passed {Reminders.CountdownText.Ago(now - DueAt)} ({Reminders.CountdownText.When(DueAt, Zone, now)})";

    public bool HasPassed(DateTimeOffset now) => now >= DueAt;

    private string CountdownText(string template, DateTimeOffset now) => Fill(template, now);

    private string Fill(string template, DateTimeOffset now) =>
        Reminders.CountdownText.Capitalize(template
            .Replace("{countdown}", Reminders.CountdownText.Until(DueAt - now), StringComparison.Ordinal)
            .Replace("{name}", Name, StringComparison.Ordinal)
            .Replace("{due}", Reminders.CountdownText.When(DueAt, Zone, now), StringComparison.Ordinal));
}
