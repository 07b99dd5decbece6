using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Scheduling;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Scheduling;

/// <summary>The due-job store contract, the same on SQLite and PostgreSQL.</summary>
public abstract class DueJobStoreContractTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _clock = new(Start);

    [SkippableFact]
    public async Task A_job_is_claimed_only_once_it_is_due()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "payload-a", Start.AddSeconds(10), None);

        Assert.Empty(await store.ClaimDueAsync(Start.AddSeconds(9.999), 10, "me", Lease, None));
        var claimed = Assert.Single(await store.ClaimDueAsync(Start.AddSeconds(10), 10, "me", Lease, None));

        Assert.Equal(("test", "a", "payload-a", Start.AddSeconds(10), 1), (claimed.Kind, claimed.Key, claimed.Payload, claimed.DueAt, claimed.Attempt));
    }

    [SkippableFact]
    public async Task Scheduling_the_same_kind_and_key_replaces_the_job()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "first", Start.AddSeconds(10), None);
        await store.ScheduleAsync("test", "a", "second", Start.AddSeconds(20), None);
        await store.ScheduleAsync("other", "a", "different kind", Start.AddSeconds(20), None);

        Assert.Equal(2, await store.CountAsync(None));
        Assert.Empty(await store.ClaimDueAsync(Start.AddSeconds(15), 10, "me", Lease, None));
        var claimed = await store.ClaimDueAsync(Start.AddSeconds(20), 10, "me", Lease, None);
        Assert.Equal(["different kind", "second"], claimed.Select(j => j.Payload).Order());
    }

    [SkippableFact]
    public async Task Schedule_if_absent_leaves_an_existing_job_alone()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        Assert.True(await store.ScheduleIfAbsentAsync("test", "a", "first", Start.AddSeconds(10), None));
        var leased = Assert.Single(await store.ClaimDueAsync(Start.AddSeconds(10), 10, "me", Lease, None));

        Assert.False(await store.ScheduleIfAbsentAsync("test", "a", "second", Start.AddSeconds(10), None));

        // Still leased by "me": nobody else can take it, and my completion still counts.
        Assert.Empty(await store.ClaimDueAsync(Start.AddSeconds(11), 10, "other", Lease, None));
        await store.CompleteAsync(leased, "me", DueJobResult.Done, None);
        Assert.Equal(0, await store.CountAsync(None));
    }

    [SkippableFact]
    public async Task Cancel_removes_the_job_and_reports_whether_there_was_one()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "", Start, None);

        Assert.True(await store.CancelAsync("test", "a", None));
        Assert.False(await store.CancelAsync("test", "a", None));
        Assert.Empty(await store.ClaimDueAsync(Start.AddHours(1), 10, "me", Lease, None));
    }

    [SkippableFact]
    public async Task A_leased_job_is_invisible_to_others_until_the_lease_expires()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "", Start, None);
        var first = Assert.Single(await store.ClaimDueAsync(Start, 10, "dies", Lease, None));

        Assert.Empty(await store.ClaimDueAsync(Start + Lease - TimeSpan.FromMilliseconds(1), 10, "survivor", Lease, None));
        var taken = Assert.Single(await store.ClaimDueAsync(Start + Lease, 10, "survivor", Lease, None));

        Assert.Equal(first.Id, taken.Id);
        Assert.Equal(2, taken.Attempt);

        // The dead holder's late completion must not remove the survivor's claim.
        await store.CompleteAsync(first, "dies", DueJobResult.Done, None);
        Assert.Equal(1, await store.CountAsync(None));
        await store.CompleteAsync(taken, "survivor", DueJobResult.Done, None);
        Assert.Equal(0, await store.CountAsync(None));
    }

    [SkippableFact]
    public async Task Completing_done_deletes_and_reschedule_keeps_the_job_for_its_next_time()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "once", "", Start, None);
        await store.ScheduleAsync("test", "daily", "day 1", Start, None);
        var claimed = await store.ClaimDueAsync(Start, 10, "me", Lease, None);

        await store.CompleteAsync(claimed.Single(j => j.Key == "once"), "me", DueJobResult.Done, None);
        await store.CompleteAsync(claimed.Single(j => j.Key == "daily"), "me", DueJobResult.Reschedule(Start.AddDays(1), "day 2"), None);

        Assert.Equal(1, await store.CountAsync(None));
        Assert.Empty(await store.ClaimDueAsync(Start.AddHours(23), 10, "me", Lease, None));
        var next = Assert.Single(await store.ClaimDueAsync(Start.AddDays(1), 10, "other", Lease, None));
        Assert.Equal(("daily", "day 2", Start.AddDays(1), 1), (next.Key, next.Payload, next.DueAt, next.Attempt));
    }

    [SkippableFact]
    public async Task Rescheduling_without_a_payload_keeps_the_old_one()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "daily", "keep me", Start, None);
        var job = Assert.Single(await store.ClaimDueAsync(Start, 10, "me", Lease, None));

        await store.CompleteAsync(job, "me", DueJobResult.Reschedule(Start.AddDays(1)), None);

        Assert.Equal("keep me", Assert.Single(await store.ClaimDueAsync(Start.AddDays(1), 10, "me", Lease, None)).Payload);
    }

    [SkippableFact]
    public async Task A_released_job_waits_for_its_retry_time_and_keeps_due_time_and_attempts()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "flaky", "", Start, None);
        var first = Assert.Single(await store.ClaimDueAsync(Start, 10, "me", Lease, None));

        await store.ReleaseAsync(first, "me", Start.AddSeconds(10), None);

        Assert.Empty(await store.ClaimDueAsync(Start.AddSeconds(9), 10, "me", Lease, None));
        var retry = Assert.Single(await store.ClaimDueAsync(Start.AddSeconds(10), 10, "other", Lease, None));
        Assert.Equal((Start, 2), (retry.DueAt, retry.Attempt));
    }

    [SkippableFact]
    public async Task Replacing_a_leased_job_survives_the_old_claims_completion()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "old", Start, None);
        var running = Assert.Single(await store.ClaimDueAsync(Start, 10, "me", Lease, None));

        await store.ScheduleAsync("test", "a", "new", Start.AddMinutes(5), None);
        await store.CompleteAsync(running, "me", DueJobResult.Done, None);

        Assert.Equal("new", Assert.Single(await store.ClaimDueAsync(Start.AddMinutes(5), 10, "me", Lease, None)).Payload);
    }

    [SkippableFact]
    public async Task Claims_take_the_oldest_first_and_at_most_the_batch_size()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        for (var i = 0; i < 10; i++)
        {
            await store.ScheduleAsync("test", $"job-{i}", "", Start.AddSeconds(-i), None);
        }

        var claimed = await store.ClaimDueAsync(Start, 3, "me", Lease, None);

        Assert.Equal(["job-9", "job-8", "job-7"], claimed.Select(j => j.Key));
    }

    [SkippableFact]
    public async Task Next_due_time_skips_leased_jobs_and_is_null_when_empty()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        Assert.Null(await store.NextDueAtAsync(None));
        await store.ScheduleAsync("test", "early", "", Start, None);
        await store.ScheduleAsync("test", "late", "", Start.AddMinutes(3), None);
        Assert.Equal(Start, await store.NextDueAtAsync(None));

        await store.ClaimDueAsync(Start, 10, "me", Lease, None);

        Assert.Equal(Start.AddMinutes(3), await store.NextDueAtAsync(None));
    }

    [SkippableFact]
    public async Task A_recorded_post_survives_a_lost_lease_and_a_release_but_not_a_reschedule()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "", Start, None);
        var died = Assert.Single(await store.ClaimDueAsync(Start, 10, "dies", Lease, None));
        Assert.False(died.Posted);

        Assert.True(await store.MarkPostedAsync(died, None));
        var takenOver = Assert.Single(await store.ClaimDueAsync(Start + Lease, 10, "survivor", Lease, None));
        await store.ReleaseAsync(takenOver, "survivor", Start + Lease, None);
        var retried = Assert.Single(await store.ClaimDueAsync(Start + Lease, 10, "survivor", Lease, None));
        await store.CompleteAsync(retried, "survivor", DueJobResult.Reschedule(Start.AddDays(1)), None);
        var nextOccurrence = Assert.Single(await store.ClaimDueAsync(Start.AddDays(1), 10, "survivor", Lease, None));

        Assert.True(takenOver.Posted);
        Assert.True(retried.Posted);
        Assert.False(nextOccurrence.Posted);
    }

    [SkippableFact]
    public async Task A_post_is_recorded_only_for_the_current_claim_and_scheduling_anew_clears_it()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        await store.ScheduleAsync("test", "a", "", Start, None);
        var stale = Assert.Single(await store.ClaimDueAsync(Start, 10, "slow", Lease, None));
        var current = Assert.Single(await store.ClaimDueAsync(Start + Lease, 10, "other", Lease, None));

        Assert.False(await store.MarkPostedAsync(stale, None));
        Assert.True(await store.MarkPostedAsync(current, None));
        await store.ScheduleAsync("test", "a", "replaced", Start.AddMinutes(5), None);

        Assert.False(Assert.Single(await store.ClaimDueAsync(Start.AddMinutes(5), 10, "other", Lease, None)).Posted);
    }

    [SkippableFact]
    public async Task Concurrent_claims_hand_each_job_to_exactly_one_claimer()
    {
        await using var database = await TestDatabases.CreateAsync(dialect);
        var store = new SqlDueJobStore(database.Connections, _clock);
        for (var i = 0; i < 200; i++)
        {
            await store.ScheduleAsync("test", $"job-{i}", "", Start, None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var mine = new List<DueJob>();
            IReadOnlyList<DueJob> batch;
            do
            {
                batch = await store.ClaimDueAsync(Start, 7, $"claimer-{n}", Lease, None);
                mine.AddRange(batch);
            }
            while (batch.Count > 0);
            return mine;
        })));

        var all = claims.SelectMany(c => c).Select(j => j.Key).ToArray();
        Assert.Equal(200, all.Length);
        Assert.Equal(200, all.Distinct().Count());
    }
}

public sealed class SqliteDueJobStoreTests() : DueJobStoreContractTests(SqlDialect.Sqlite);

public sealed class PostgresDueJobStoreTests() : DueJobStoreContractTests(SqlDialect.Postgres);
