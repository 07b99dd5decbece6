namespace PolicyBot.Core.Footprint;

/// <summary>
/// Gives memory back to the OS once the bot has been quiet for a moment. A burst of work (questions, votes) leaves the
/// managed heap with a grown allocation budget and free regions, and the C heap with pages ONNX Runtime and SQLite freed
/// between pages still in use; neither goes back by itself while the bot idles. After <see cref="DefaultQuiet"/> without
/// work, one compacting collection that decommits what is free and one <see cref="NativeHeap.Trim"/> run. While work
/// keeps coming nothing runs (the memory is in use then): the cost is one collection per lull, tens of milliseconds.
/// Noting work is a timestamp and, at the start of a burst, arming one timer.
/// </summary>
public sealed class QuietMemoryRelease : IDisposable
{
    /// <summary>How long the bot must have been quiet before memory is released.</summary>
    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly TimeSpan _quiet;
    private readonly Action _release;
    private readonly ITimer _timer;
    private long _lastWork;
    private int _armed;
    private volatile bool _disposed;

    /// <param name="release">What a lull runs; by default <see cref="ReleaseProcessMemory"/>.</param>
    public QuietMemoryRelease(TimeProvider time, TimeSpan? quiet = null, Action? release = null)
    {
        _time = time;
        _quiet = quiet ?? DefaultQuiet;
        _release = release ?? ReleaseProcessMemory;
        _timer = time.CreateTimer(_ => OnQuietMaybe(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Some work finished (a command handled, an inference run): the release waits for a quiet interval from now.</summary>
    public void WorkDone()
    {
        Volatile.Write(ref _lastWork, _time.GetTimestamp());
        if (Volatile.Read(ref _armed) == 0 && Interlocked.Exchange(ref _armed, 1) == 0)
        {
            Arm(_quiet);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    /// <summary>A blocking, compacting collection that decommits free managed memory, then a trim of the C heap.</summary>
    public static void ReleaseProcessMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    private void OnQuietMaybe()
    {
        var lastWork = Volatile.Read(ref _lastWork);
        var quietFor = _time.GetElapsedTime(lastWork);
        if (quietFor < _quiet)
        {
            Arm(_quiet - quietFor); // work came meanwhile: wait for the rest of its interval
            return;
        }

        Volatile.Write(ref _armed, 0);
        if (Volatile.Read(ref _lastWork) != lastWork && Interlocked.Exchange(ref _armed, 1) == 0)
        {
            Arm(_quiet); // work came between the look and disarming, and did not arm the timer itself
            return;
        }

        _release();
    }

    private void Arm(TimeSpan dueIn)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down while the last work finished: nothing left to release for.
        }
    }
}
