using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer the code under test creates, so a test advances the
/// clock exactly when the code is waiting (a budget, a Retry-After) instead of racing it.
/// </summary>
public sealed class ObservedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            // A timer created disarmed (the quiet memory release's) is no wait of the code under test.
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>The due time of the next timer the code creates.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        return await _timers.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits until the code creates a timer due in exactly <paramref name="dueTime"/>.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var timeout = new CancellationTokenSource(Wait.Limit);
        while (await _timers.Reader.ReadAsync(timeout.Token) != dueTime)
        {
        }
    }
}
