using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
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

    [Fact]
    public async Task A_job_that_falls_due_while_the_dispatcher_looks_for_the_next_one_runs_without_the_clock_moving_again()
    {
        await using var database = await TestDatabases.CreateSqliteAsync();

        // The clock passes the due time while the dispatcher asks when the next job is due, then never moves again.
        await RunsOnceWithoutFurtherTime(new ClockJumpingStore(new SqlDueJobStore(database.Connections, _clock), _clock, TimeSpan.FromSeconds(2)), _clock);
    }

    [Fact]
    public async Task A_clock_that_jumps_past_the_wake_time_before_the_timer_exists_does_not_stall_the_dispatcher()
    {
        var clock = new ClockJumpingOnFirstTimer(Start, TimeSpan.FromSeconds(2));
        await using var database = await TestDatabases.CreateSqliteAsync();

        await RunsOnceWithoutFurtherTime(new SqlDueJobStore(database.Connections, clock), clock);
    }

    // A job due one second after the start runs once, at the two seconds the clock jumped to, with no more advancing.
    private static async Task RunsOnceWithoutFurtherTime(IDueJobStore store, TimeProvider clock)
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler(_ =>
        {
            ran.TrySetResult();
            return DueJobResult.Done;
        });
        using var dispatcher = new DueJobDispatcher(store, [handler], Options.Create(new SchedulingOptions { InstanceId = "test-host" }), clock, NullLogger<DueJobDispatcher>.Instance);
        await store.ScheduleAsync(ScriptedHandler.JobKind, "a", "", Start.AddSeconds(1), CancellationToken.None);

        await dispatcher.StartAsync(CancellationToken.None);
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(Start.AddSeconds(2), Assert.Single(handler.Runs).Now);
    }

    private DueJobDispatcher CreateDispatcher(SqlDueJobStore store, IDueJobHandler handler) =>
        new(store, [handler], Options.Create(new SchedulingOptions { InstanceId = "test-host" }), _clock, NullLogger<DueJobDispatcher>.Instance);

    // Moves the clock once, right after answering when the next job is due: time passing while the dispatcher works.
    private sealed class ClockJumpingStore(IDueJobStore inner, FakeTimeProvider clock, TimeSpan jump) : IDueJobStore
    {
        private int _jumped;

        public Task ScheduleAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
            inner.ScheduleAsync(kind, key, payload, dueAt, cancellationToken);

        public Task<bool> ScheduleIfAbsentAsync(string kind, string key, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
            inner.ScheduleIfAbsentAsync(kind, key, payload, dueAt, cancellationToken);

        public Task<bool> CancelAsync(string kind, string key, CancellationToken cancellationToken) => inner.CancelAsync(kind, key, cancellationToken);

        public Task<IReadOnlyList<DueJob>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
            inner.ClaimDueAsync(now, max, owner, lease, cancellationToken);

        public Task CompleteAsync(DueJob job, string owner, DueJobResult result, CancellationToken cancellationToken) =>
            inner.CompleteAsync(job, owner, result, cancellationToken);

        public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
        {
            var next = await inner.NextDueAtAsync(cancellationToken);
            if (Interlocked.Exchange(ref _jumped, 1) == 0)
            {
                clock.Advance(jump);
            }

            return next;
        }
    }

    // Moves once, just before the first timer is made: between reading the clock and arming the timer.
    private sealed class ClockJumpingOnFirstTimer(DateTimeOffset start, TimeSpan jump) : FakeTimeProvider(start)
    {
        private int _jumped;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (Interlocked.Exchange(ref _jumped, 1) == 0)
            {
                Advance(jump);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

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
