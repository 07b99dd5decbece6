namespace PolicyBot.Slack.SocketMode;

/// <summary>
/// How many Socket Mode sockets are up (hello received, still being read) and whether Socket Mode stopped for good.
/// Readiness reads it; Slack delivers each envelope on any one open socket, so one is enough.
/// </summary>
public sealed class SocketModeConnectionState
{
    private int _open;
    private int _stopped;

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>True after Slack refused the app token or disabled Socket Mode; no reconnect follows.</summary>
    public bool Stopped => Volatile.Read(ref _stopped) == 1;

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);

    public void MarkStopped() => Volatile.Write(ref _stopped, 1);
}
