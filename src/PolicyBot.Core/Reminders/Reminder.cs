using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// A personal reminder. <see cref="DueAt"/> is its next firing; a recurring one has a <see cref="Cron"/> evaluated in
/// <see cref="TimeZoneId"/> (so "every day 09:00 Europe/Berlin" stays at 09:00 local across daylight saving).
/// </summary>
public sealed record Reminder(
    long Id,
    string OwnerId,
    string OwnerName,
    ConversationRef Conversation,
    string Text,
    DateTimeOffset DueAt,
    string TimeZoneId,
    string? Cron,
    DateTimeOffset CreatedAt)
{
    public bool IsRecurring => Cron is not null;
}
