namespace PolicyBot.Core.Scheduling;

/// <summary>
/// Durable due jobs. Claims take a lease so two instances never both run one job; a job whose holder died
/// becomes claimable again when the lease expires (one late run, never a lost one).
/// </summary>
public interface IDueJobStore
{
    /// <summary>Creates the job, or replaces the one with the same kind and key.</summary>
    Task ScheduleAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the job unless one with the same kind and key exists (then leaves that one untouched, even while it is
    /// leased); false when it existed. Start-up code that materialises known occurrences uses it so a restart or a
    /// second instance never resets a job another instance is running.
    /// </summary>
    Task<bool> ScheduleIfAbsentAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Removes a job; false when there was none.</summary>
    Task<bool> CancelAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> jobs due at or before <paramref name="now"/> and not leased by anyone else.</summary>
    Task<IReadOnlyList<DueJob>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Finishes a claimed job: deletes it, or for <see cref="DueJobResult.Reschedule"/> stores the next time and frees the lease.</summary>
    Task CompleteAsync(DueJob job, string owner, DueJobResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a claimed job back after its handler failed: it keeps its due time and attempt count and becomes claimable
    /// again at <paramref name="retryAt"/> (a backoff). The default does nothing, so the lease expiry is the retry.
    /// </summary>
    Task ReleaseAsync(DueJob job, string owner, DateTimeOffset retryAt, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Records that the claimed job's message is posted, before anything else the job does can fail, so a retry after a
    /// crash skips the post (<see cref="DueJob.Posted"/>). It stays recorded across releases and lease expiries and is
    /// cleared when the job is rescheduled for its next occurrence. False when the claim is no longer this one (the lease
    /// was lost to another instance). The default records nothing: such a store relies on the platform's idempotency alone.
    /// </summary>
    Task<bool> MarkPostedAsync(DueJob job, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The earliest due time of any job not leased right now, so the dispatcher can sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);
}
