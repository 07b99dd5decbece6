using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Reminders.Commands;

/// <summary><c>timezone [IANA zone]</c>: shows or sets the zone your reminder times are read in.</summary>
public sealed class TimezoneCommand(ReminderService reminders, CommandSyntax syntax, TimeProvider clock) : ICommandHandler
{
    public CommandDeclaration Definition { get; } = new("timezone", "Show or set your time zone for reminders (IANA name, e.g. Europe/Berlin).", "[zone]")
    {
        Arguments = [new CommandArgument("zone", "An IANA time zone such as Europe/Berlin or America/New_York", Required: false)],
        Examples = ["Europe/Berlin", "Asia/Tokyo"],
        Aliases = ["tz"],
    };

    public async Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var typed = invocation.Arguments.Trim();
        if (typed.Length == 0)
        {
            var current = await reminders.ZoneForAsync(invocation.Conversation.Platform, invocation.Sender.UserId, cancellationToken).ConfigureAwait(false);
            return Reply.Private($"Your time zone is {current.Id} (now {CountdownText.When(now, current, now)}). Change it with `{syntax.Of(invocation.Conversation.Platform, "timezone", "Europe/Berlin")}`.");
        }

        if (typed.Contains(' ', StringComparison.Ordinal) || !TimeZoneDirectory.TryFind(typed, out var zone))
        {
            return Reply.Error(ReminderTimeParser.UnknownZone(typed));
        }

        await reminders.SetZoneAsync(invocation, zone, cancellationToken).ConfigureAwait(false);
        return Reply.Private($"Your time zone is now {zone.Id} (it is {CountdownText.When(now, zone, now)} there). Reminder times you type are read in it.");
    }
}
