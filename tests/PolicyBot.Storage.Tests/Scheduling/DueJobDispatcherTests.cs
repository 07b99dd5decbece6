using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Scheduling;
using PolicyBot.Storage.Tests.Infrastructure;

namespace PolicyBot.Storage.Tests.Scheduling;

/// <summary>The dispatcher against a real SQLite file, time driven by a fake clock.</summary>
public sealed class DueJobDispatcherTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly ObservableTimeProvider _clock = new(Start);

    [Fact]
    public async Task The_running_dispatcher_fires_a_job_within_a_second_of_its_due_time_and_only_once()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var store = new SqlDueJobStore(database.Connections, _clock);
        var handler = new ScriptedHandler(_ => DueJobResult.Done);
        using var dispatcher = CreateDispatcher(store, handler);
        var due = Start.AddSeconds(3.7);
        await store.ScheduleAsync(ScriptedHandler.JobKind, "a", "", due, CancellationToken.None);

        await dispatcher.StartAsync(CancellationToken.None);
        var wakeUps = new List<DateTimeOffset>();
        while (_clock.GetUtcNow() < due.AddSeconds(5))
        {
            var wakeUp = await _clock.NextWakeUpAsync();
            wakeUps.Add(wakeUp);
            _clock.AdvanceTo(wakeUp);
        }

        await dispatcher.StopAsync(CancellationToken.None);
        var firedAt = Assert.Single(handler.Runs).Now;
        Assert.InRange(firedAt, due, due.AddSeconds(1));
        Assert.Contains(due, wakeUps); // it slept until the due time itself, not just the next poll
        Assert.All(wakeUps.Zip(wakeUps.Skip(1)), pair => Assert.True(pair.Second - pair.First <= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task It_sleeps_until_the_next_due_time_but_never_longer_than_the_poll_interval()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var store = new SqlDueJobStore(database.Connections, _clock);
        using var dispatcher = CreateDispatcher(store, new ScriptedHandler(_ => DueJobResult.Done));

        Assert.Equal(TimeSpan.FromSeconds(1), await dispatcher.SleepTimeAsync(CancellationToken.None));
        await store.ScheduleAsync(ScriptedHandler.JobKind, "soon", "", Start.AddMilliseconds(400), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(400), await dispatcher.SleepTimeAsync(CancellationToken.None));
        await store.ScheduleAsync(ScriptedHandler.JobKind, "later", "", Start.AddHours(1), CancellationToken.None);
        await store.CancelAsync(ScriptedHandler.JobKind, "soon", CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), await dispatcher.SleepTimeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_after_a_backoff_and_the_job_is_never_lost()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var store = new SqlDueJobStore(database.Connections, _clock);
        var handler = new ScriptedHandler(job => job.Attempt == 1 ? throw new HttpRequestException("platform down") : DueJobResult.Done);
        using var dispatcher = CreateDispatcher(store, handler);
        await store.ScheduleAsync(ScriptedHandler.JobKind, "a", "", Start, CancellationToken.None);

        Assert.Equal(1, await dispatcher.RunDueJobsOnceAsync(CancellationToken.None));
        Assert.Equal(1, await store.CountAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await dispatcher.RunDueJobsOnceAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.RunDueJobsOnceAsync(CancellationToken.None));
        Assert.Equal([1, 2], handler.Runs.Select(r => r.Job.Attempt));
        Assert.All(handler.Runs, r => Assert.Equal(Start, r.Job.DueAt));
        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_job_of_an_unknown_kind_is_kept()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var store = new SqlDueJobStore(database.Connections, _clock);
        using var dispatcher = CreateDispatcher(store, new ScriptedHandler(_ => DueJobResult.Done));
        await store.ScheduleAsync("from.a.newer.version", "a", "", Start, CancellationToken.None);

        await dispatcher.RunDueJobsOnceAsync(CancellationToken.None);

        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_rescheduled_job_runs_again_at_its_next_time()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();
        var store = new SqlDueJobStore(database.Connections, _clock);
        var handler = new ScriptedHandler(job => DueJobResult.Reschedule(job.DueAt.AddHours(1)));
        using var dispatcher = CreateDispatcher(store, handler);
        await store.ScheduleAsync(ScriptedHandler.JobKind, "hourly", "", Start, CancellationToken.None);

        await dispatcher.RunDueJobsOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await dispatcher.RunDueJobsOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunDueJobsOnceAsync(CancellationToken.None);

        Assert.Equal([Start, Start.AddHours(1)], handler.Runs.Select(r => r.Job.DueAt));
    }

    private DueJobDispatcher CreateDispatcher(SqlDueJobStore store, IDueJobHandler handler) =>
        new(store, [handler], Options.Create(new SchedulingOptions { InstanceId = "test-host" }), _clock, NullLogger<DueJobDispatcher>.Instance);

    private sealed class ScriptedHandler(Func<DueJob, DueJobResult> behaviour) : IDueJobHandler
    {
        public const string JobKind = "test.scripted";

        public List<(DueJob Job, DateTimeOffset Now)> Runs { get; } = [];

        public string Kind => JobKind;

        public Task<DueJobResult> HandleAsync(DueJob job, DateTimeOffset now, CancellationToken cancellationToken)
        {
            lock (Runs)
            {
                Runs.Add((job, now));
            }

            return Task.FromResult(behaviour(job));
        }
    }
}
