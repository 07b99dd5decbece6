using System.Globalization;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders.Commands;

/// <summary><c>cancel &lt;reminder&gt;</c>: the owner or an admin cancels a reminder by its number.</summary>
public sealed class CancelReminderCommand(ReminderService reminders, CommandSyntax syntax) : ICommandHandler
{
    private static readonly CommandArgument ReminderNumber = new("reminder", "The reminder's number, as `reminders` shows it", ArgumentKind.Integer);

    public CommandDeclaration Definition { get; } = new("cancel", "Cancel one of your reminders by its number.", "<reminder>")
    {
        Arguments = [ReminderNumber],
        Examples = ["12"],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var platform = invocation.Conversation.Platform;
        if (!invocation.Values.TryGetInteger(ReminderNumber, out var id)
            && !long.TryParse(invocation.Arguments.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return Reply.Error($"Which reminder? Give its number, e.g. `{syntax.Of(platform, "cancel", "12")}`; `{syntax.Of(platform, "reminders")}` lists them.");
        }

        var cancelled = await reminders.CancelAsync(id, invocation, cancellationToken).ConfigureAwait(false);
        return cancelled.Succeeded
            ? Reply.Private($"Cancelled reminder #{id}: {MentionGuard.Defuse(cancelled.Value.Text)}")
            : Reply.Error(cancelled.Error);
    }
}
