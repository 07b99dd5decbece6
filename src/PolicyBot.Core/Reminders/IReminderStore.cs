using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Reminders;

/// <summary>Reminder rows. Firing goes through a due job (kind <see cref="ReminderJobs.FireKind"/>, key = reminder id).</summary>
public interface IReminderStore
{
    /// <summary>Stores a new reminder (its <see cref="Reminder.Id"/> is ignored) and returns its id.</summary>
    Task<long> AddAsync(Reminder reminder, CancellationToken cancellationToken);

    Task<Reminder?> GetAsync(long id, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Moves a recurring reminder on to <paramref name="next"/> if it is still due at <paramref name="expected"/>.</summary>
    Task<bool> MoveAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken cancellationToken);

    Task<int> CountForOwnerAsync(string platform, string ownerId, CancellationToken cancellationToken);

    /// <summary>The owner's reminders (any channel of the platform) and everyone's in the channel, soonest first.</summary>
    Task<IReadOnlyList<Reminder>> ListAsync(string platform, string ownerId, string channelId, int max, CancellationToken cancellationToken);
}

/// <summary>Each user's chosen time zone (<c>timezone</c> command).</summary>
public interface IUserTimeZoneStore
{
    Task<string?> GetAsync(string platform, string userId, CancellationToken cancellationToken);

    Task SetAsync(string platform, string userId, string timeZoneId, CancellationToken cancellationToken);
}
