namespace PolicyBot.Core.Scheduling;

/// <summary>
/// Something that must happen at a time: a reminder post, a countdown post, a poll auto-close.
/// <see cref="Key"/> is unique per <see cref="Kind"/> (e.g. the poll id) so scheduling twice replaces, never duplicates.
/// <see cref="Attempt"/> counts claims since it was (re)scheduled: 1 on the first run, more after failures or a dead holder.
/// </summary>
public sealed record DueJob(long Id, string Kind, string Key, string Payload, DateTimeOffset DueAt, int Attempt)
{
    /// <summary>
    /// The job's message was posted on an earlier claim (recorded by <see cref="IDueJobStore.MarkPostedAsync"/>) and the
    /// holder died before finishing: the retry does the rest without posting again.
    /// </summary>
    public bool Posted { get; init; }
}

/// <summary>What the dispatcher does with a job after its handler ran.</summary>
public sealed record DueJobResult
{
    private DueJobResult(DateTimeOffset? nextDueAt, string? nextPayload)
    {
        NextDueAt = nextDueAt;
        NextPayload = nextPayload;
    }

    /// <summary>The job is finished and removed.</summary>
    public static DueJobResult Done { get; } = new(null, null);

    /// <summary>A recurring job: keep it, due again at <paramref name="nextDueAt"/>.</summary>
    public static DueJobResult Reschedule(DateTimeOffset nextDueAt, string? payload = null) => new(nextDueAt, payload);

    public DateTimeOffset? NextDueAt { get; }

    public string? NextPayload { get; }
}
