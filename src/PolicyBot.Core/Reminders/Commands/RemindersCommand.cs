using System.Text;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders.Commands;

/// <summary><c>reminders</c>: mine (anywhere on this platform) and everyone's in this channel, soonest first.</summary>
public sealed class RemindersCommand(ReminderService reminders, CommandSyntax syntax, TimeProvider clock) : ICommandHandler
{
    private const int MaxListed = 50;

    public CommandDeclaration Definition { get; } = new("reminders", "List your reminders and this channel's.");

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var platform = invocation.Conversation.Platform;
        var list = await reminders.ListAsync(invocation, MaxListed, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return Reply.Private($"No reminders here. Set one with `{syntax.Of(platform, "remind", "in 30m stretch")}`.");
        }

        var now = clock.GetUtcNow();
        var viewerZone = await reminders.ZoneForAsync(invocation.Conversation.Platform, invocation.Sender.UserId, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var reminder in list)
        {
            var owner = reminder.OwnerId == invocation.Sender.UserId ? "you" : MentionGuard.Defuse(reminder.OwnerName);
            var repeat = reminder.Cron is null ? string.Empty : $" · repeats `{reminder.Cron}` ({reminder.TimeZoneId})";
            var shown = reminder.Text.Length > 80 ? reminder.Text[..80] + "…" : reminder.Text;
            text.Append($"#{reminder.Id} · {CountdownText.When(reminder.DueAt, viewerZone, now)} (in {CountdownText.Until(reminder.DueAt - now)})")
                .Append($" · {owner}{repeat}: ").AppendLine(MentionGuard.Defuse(shown));
        }

        text.Append($"`{syntax.Of(platform, "cancel", "<number>")}` cancels one.");
        return Reply.Private(text.ToString()) with { Title = "Reminders" };
    }
}
