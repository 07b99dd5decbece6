using System.Net.WebSockets;

namespace PolicyBot.Discord.Gateway;

/// <summary>One WebSocket to the gateway: serialised, rate-limited sends and the heartbeat ACK state.</summary>
internal sealed class GatewayConnection(ClientWebSocket socket, GatewaySendLimiter sendLimiter, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _sendTurn = new(1, 1);
    private int _awaitingAck;

    public TimeSpan HeartbeatInterval { get; set; }

    public volatile bool ZombieDetected;

    /// <summary>False when the previous heartbeat was never acknowledged (a zombie connection).</summary>
    public bool TryBeginHeartbeat() => Interlocked.Exchange(ref _awaitingAck, 1) == 0;

    public void Acknowledge() => Interlocked.Exchange(ref _awaitingAck, 0);

    public async Task SendAsync(byte[] payload, bool isHeartbeat, CancellationToken cancellationToken)
    {
        if (payload.Length > GatewayShardSession.MaxPayloadBytes)
        {
            // Discord would close with 4002; refuse here with a clear reason instead.
            throw new InvalidOperationException($"Gateway payload of {payload.Length} bytes exceeds Discord's {GatewayShardSession.MaxPayloadBytes}-byte limit.");
        }

        await sendLimiter.WaitAsync(isHeartbeat, cancellationToken).ConfigureAwait(false);
        await _sendTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendTurn.Release();
        }
    }

    /// <summary>Closes with a code other than 1000/1001 so Discord keeps the session for a resume.</summary>
    public async Task CloseAsync(int code, string reason, TimeSpan timeout)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var cts = new CancellationTokenSource(timeout, timeProvider);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Already broken; disposing the socket finishes the job.
        }
    }
}
