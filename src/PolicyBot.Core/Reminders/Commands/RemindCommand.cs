using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders.Commands;

/// <summary><c>remind &lt;when&gt; &lt;text&gt;</c> and <c>remind every &lt;rule&gt; &lt;text&gt;</c>.</summary>
public sealed class RemindCommand(ReminderService reminders, CommandSyntax syntax, TimeProvider clock) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new(
        "remind",
        "Set a reminder: once (in 90m, tomorrow 09:00, fri 17:00, 2026-03-01T09:00) or repeating (every monday 09:00).",
        "<when> [time zone] <text>")
    {
        Arguments =
        [
            new CommandArgument("when", "in 30s | in 2 days | tomorrow 09:00 | fri 17:00 | ISO date-time | every <cron or 'monday 09:00'>, optionally + IANA zone"),
            new CommandArgument("text", "What to remind you of"),
        ],
        Examples = [.. ReminderTimeParser.Examples],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var platform = invocation.Conversation.Platform;
        var created = await reminders.CreateAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
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

            return Reply.Error(text.ToString().TrimEnd());
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
}
