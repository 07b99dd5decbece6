using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace PolicyBot.Storage.Tests.Scheduling;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports when code under test goes to sleep on it and until when, so a test
/// can jump straight to the wake-up time instead of racing the sleeper (a discrete-event clock).
/// </summary>
public sealed class ObservableTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly SemaphoreSlim _timersCreated = new(0);
    private readonly ConcurrentQueue<DateTimeOffset> _wakeUps = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _wakeUps.Enqueue(GetUtcNow() + dueTime);
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersCreated.Release();
        return timer;
    }

    /// <summary>Waits (real time, bounded) until someone starts a timer and returns when it will fire.</summary>
    public async Task<DateTimeOffset> NextWakeUpAsync()
    {
        if (!await _timersCreated.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false) || !_wakeUps.TryDequeue(out var wakeUp))
        {
            throw new TimeoutException("Nothing went to sleep on the clock within 10 s: the loop under test stopped.");
        }

        return wakeUp;
    }

    /// <summary>Moves the clock to <paramref name="instant"/> when that is in the future.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > GetUtcNow())
        {
            SetUtcNow(instant);
        }
    }
}
