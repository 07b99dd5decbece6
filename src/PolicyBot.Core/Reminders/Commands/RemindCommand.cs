using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders.Commands;

/// <summary><c>remind &lt;when&gt; &lt;text&gt;</c> and <c>remind every &lt;rule&gt; &lt;text&gt;</c>.</summary>
public sealed class RemindCommand(ReminderService reminders, CommandSyntax syntax, TimeProvider clock) : ICommandHandler
{
    private static readonly CommandArgument When = new(
        "when", "in 30s | in 2 days | tomorrow 09:00 | fri 17:00 | ISO date-time | every <cron or 'monday 09:00'>, optionally + IANA zone");

    private static readonly CommandArgument Text = new("text", "What to remind you of");

    public CommandDeclaration Definition { get; } = new(
        "remind",
        "Set a reminder: once (in 90m, tomorrow 09:00, fri 17:00, a date) or repeating (every monday 09:00).",
        "<when> [time zone] <text>")
    {
        Arguments = [When, Text],
        Examples = [.. ReminderTimeParser.Examples],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var platform = invocation.Conversation.Platform;

        // Discord sends the time and the text apart. Joined into one line and re-read, a text starting "noon …" or
        // "Europe/Berlin …" would become part of the time; so they stay apart, and only a typed line is split.
        var apart = invocation.Values.TryGetText(When, out var whenOption);
        var hasText = invocation.Values.TryGetText(Text, out var textOption);
        if (apart && !hasText)
        {
            return Reply.Error($"What should I remind you of? Put it in the `{Text.Name}` option.");
        }

        var created = apart
            ? await reminders.CreateAsync(invocation, whenOption, textOption, cancellationToken).ConfigureAwait(false)
            : await reminders.CreateAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Reply.Error(apart ? RefusalOfOptions(created, whenOption) : RefusalOfLine(created, platform));
        }

        var reminder = created.Value;

        var now = clock.GetUtcNow();
        var zone = TimeZoneDirectory.TryFind(reminder.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var when = $"{CountdownText.When(reminder.DueAt, zone, now)} (in {CountdownText.Until(reminder.DueAt - now)})";
        var repeat = reminder.Cron is null ? string.Empty : $", then on `{reminder.Cron}` ({reminder.TimeZoneId})";
        return Reply.Private(
            $"Okay, I'll remind you {when}{repeat}: {MentionGuard.Defuse(reminder.Text)}\n" +
            $"It is reminder #{reminder.Id}; `{syntax.Of(platform, "cancel", reminder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}` cancels it.");
    }

    private string RefusalOfLine(Parsed<Reminder> created, string platform)
    {
        var text = new StringBuilder(created.Error);
        if (created.ShowExamples)
        {
            text.AppendLine().AppendLine("For example:");
            foreach (var example in ReminderTimeParser.Examples)
            {
                text.Append('`').Append(syntax.Of(platform, "remind", example)).AppendLine("`");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>An unreadable time names the option it came in, with examples of a time alone; other refusals stand as they are.</summary>
    private static string RefusalOfOptions(Parsed<Reminder> created, string when)
    {
        if (!created.ShowExamples)
        {
            return created.Error!;
        }

        var shown = MentionGuard.Defuse(when.Length > 40 ? when[..40] + "…" : when);
        var examples = string.Join(", ", ReminderTimeParser.TimeExamples.Select(e => $"`{e}`"));
        return $"Sorry, I couldn't read `{shown}` as a time. The `{When.Name}` option takes the time alone, e.g. {examples}; what to remind you of goes in `{Text.Name}`.";
    }
}
