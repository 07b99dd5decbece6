using System.Globalization;
using Cronos;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Reminders;

/// <summary>Creates, lists and cancels personal reminders, enforcing the limits; firing is <see cref="ReminderFireHandler"/>'s job.</summary>
public sealed class ReminderService(
    IReminderStore reminders,
    IUserTimeZoneStore userZones,
    IDueJobStore jobs,
    IOptions<RemindersOptions> options,
    TimeProvider clock,
    CommandSyntax? syntax = null)
{
    private readonly CommandSyntax _syntax = syntax ?? CommandSyntax.Default();

    public const int MaxTextLength = 1500;

    private RemindersOptions Settings => options.Value;

    /// <summary>The user's chosen zone, else the configured default.</summary>
    public async Task<TimeZoneInfo> ZoneForAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var stored = await userZones.GetAsync(platform, userId, cancellationToken).ConfigureAwait(false);
        if (stored is not null && TimeZoneDirectory.TryFind(stored, out var zone))
        {
            return zone;
        }

        return TimeZoneDirectory.TryFind(Settings.DefaultTimeZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
    }

    /// <summary>Parses the invocation's line (time, then text) and stores the reminder; a failure explains the refusal.</summary>
    public Task<Parsed<Reminder>> CreateAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        CreateAsync(invocation, (now, zone) => ReminderTimeParser.Parse(invocation.Arguments, now, zone, Settings.MaxYearsAhead), cancellationToken);

    /// <summary>The same for a time and a text the platform sent apart: <paramref name="when"/> is read as a time only, the text kept as it is.</summary>
    public Task<Parsed<Reminder>> CreateAsync(CommandInvocation invocation, string when, string text, CancellationToken cancellationToken) =>
        CreateAsync(invocation, (now, zone) => ReminderTimeParser.Parse(when, text, now, zone, Settings.MaxYearsAhead), cancellationToken);

    /// <summary>Stores a parsed reminder and schedules its first firing, within the limits.</summary>
    private async Task<Parsed<Reminder>> CreateAsync(
        CommandInvocation invocation, Func<DateTimeOffset, TimeZoneInfo, Parsed<ReminderSchedule>> parse, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = await ZoneForAsync(invocation.Conversation.Platform, invocation.Sender.UserId, cancellationToken).ConfigureAwait(false);
        var parsed = parse(now, zone);
        if (!parsed.Succeeded)
        {
            return parsed.Cast<Reminder>();
        }

        var schedule = parsed.Value;

        if (schedule.Text.Length > MaxTextLength)
        {
            return Parsed<Reminder>.Fail($"That reminder text is {schedule.Text.Length:N0} characters long; please keep it under {MaxTextLength:N0}.");
        }

        if (schedule.FirstDueAt > now.AddYears(Settings.MaxYearsAhead))
        {
            return Parsed<Reminder>.Fail(ReminderTimeParser.TooFarAhead(Settings.MaxYearsAhead));
        }

        if (schedule.Cron is not null && RepeatsTooOften(schedule, out var interval))
        {
            return Parsed<Reminder>.Fail($"That repeats every {CountdownText.Until(interval)}; reminders may repeat at most every {CountdownText.Until(Settings.MinRecurrenceInterval)}.");
        }

        var active = await reminders.CountForOwnerAsync(invocation.Conversation.Platform, invocation.Sender.UserId, cancellationToken).ConfigureAwait(false);
        if (active >= Settings.MaxActivePerUser)
        {
            return Parsed<Reminder>.Fail($"You already have {active} active reminders, the limit is {Settings.MaxActivePerUser} per person. Cancel one first (`{_syntax.Of(invocation.Conversation.Platform, "reminders")}` lists them).");
        }

        var reminder = new Reminder(
            0,
            invocation.Sender.UserId,
            invocation.Sender.DisplayName,
            invocation.Conversation,
            schedule.Text,
            schedule.FirstDueAt,
            schedule.Zone.Id,
            schedule.Cron,
            now);
        var id = await reminders.AddAsync(reminder, cancellationToken).ConfigureAwait(false);
        try
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            await jobs.ScheduleAsync(ReminderJobs.FireKind, key, key, schedule.FirstDueAt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Without its due job the row would never fire; remove it so the user sees the failure, not a silent reminder.
            await reminders.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return Parsed<Reminder>.Ok(reminder with { Id = id });
    }

    public Task<IReadOnlyList<Reminder>> ListAsync(CommandInvocation invocation, int max, CancellationToken cancellationToken) =>
        reminders.ListAsync(invocation.Conversation.Platform, invocation.Sender.UserId, invocation.Conversation.ChannelId, max, cancellationToken);

    /// <summary>Cancels a reminder its owner (or an admin) names; a failure explains the refusal.</summary>
    public async Task<Parsed<Reminder>> CancelAsync(long id, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var reminder = await reminders.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (reminder is null || reminder.Conversation.Platform != invocation.Conversation.Platform)
        {
            return Parsed<Reminder>.Fail($"There is no reminder #{id}. `{_syntax.Of(invocation.Conversation.Platform, "reminders")}` lists yours.");
        }

        if (reminder.OwnerId != invocation.Sender.UserId && !invocation.Sender.IsAdmin)
        {
            return Parsed<Reminder>.Fail($"Reminder #{id} belongs to {MentionGuard.Defuse(reminder.OwnerName)}; only they or an admin can cancel it.");
        }

        await jobs.CancelAsync(ReminderJobs.FireKind, id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        await reminders.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        return Parsed<Reminder>.Ok(reminder);
    }

    public Task SetZoneAsync(CommandInvocation invocation, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        userZones.SetAsync(invocation.Conversation.Platform, invocation.Sender.UserId, zone.Id, cancellationToken);

    private bool RepeatsTooOften(ReminderSchedule schedule, out TimeSpan interval)
    {
        var expression = CronExpression.Parse(schedule.Cron!, CronFormat.Standard);
        var second = expression.GetNextOccurrence(schedule.FirstDueAt, schedule.Zone);
        interval = second is null ? TimeSpan.MaxValue : second.Value - schedule.FirstDueAt;
        return interval < Settings.MinRecurrenceInterval;
    }
}
