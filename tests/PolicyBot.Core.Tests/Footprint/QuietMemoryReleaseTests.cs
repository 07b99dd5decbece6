using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Footprint;

namespace PolicyBot.Core.Tests.Footprint;

/// <summary>Memory goes back to the OS once per lull in the bot's work, never while work keeps coming.</summary>
public sealed class QuietMemoryReleaseTests
{
    private static readonly TimeSpan Quiet = QuietMemoryRelease.DefaultQuiet;

    private readonly FakeTimeProvider _clock = new();
    private int _releases;

    [Fact]
    public void Nothing_is_released_before_any_work()
    {
        using var release = Release();

        _clock.Advance(Quiet * 10);

        Assert.Equal(0, _releases);
    }

    [Fact]
    public void A_burst_of_work_is_released_once_a_quiet_interval_after_its_last_piece()
    {
        using var release = Release();

        for (var i = 0; i < 5; i++)
        {
            release.WorkDone();
            _clock.Advance(Quiet / 2); // work keeps coming: the interval restarts each time
        }

        Assert.Equal(0, _releases);
        _clock.Advance(Quiet / 2 - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _releases);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _releases);
        _clock.Advance(Quiet * 10);
        Assert.Equal(1, _releases);
    }

    [Fact]
    public void Work_after_a_release_is_released_after_its_own_lull()
    {
        using var release = Release();
        release.WorkDone();
        _clock.Advance(Quiet);

        release.WorkDone();
        _clock.Advance(Quiet);

        Assert.Equal(2, _releases);
    }

    [Fact]
    public void Work_that_ends_after_shutdown_is_ignored()
    {
        var release = Release();
        release.WorkDone();
        release.Dispose();

        release.WorkDone();
        _clock.Advance(Quiet * 2);

        Assert.Equal(0, _releases);
    }

    [Fact]
    public void The_default_release_collects_and_trims_the_C_heap_where_there_is_glibc()
    {
        QuietMemoryRelease.ReleaseProcessMemory();

        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Trim());
    }

    private QuietMemoryRelease Release() => new(_clock, release: () => _releases++);
}
