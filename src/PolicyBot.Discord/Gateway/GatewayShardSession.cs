using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Diagnostics;

namespace PolicyBot.Discord.Gateway;

/// <summary>How a shard's run ended.</summary>
public sealed record ShardStop(int ShardId, int? FatalCloseCode);

/// <summary>
/// One shard's gateway session: connect, Hello, heartbeat, Identify or Resume, read dispatches, and on any end decide
/// between resume, a fresh identify, or stopping for good. One instance lives as long as the adapter runs.
/// </summary>
public sealed partial class GatewayShardSession(
    int shardId,
    int shardCount,
    int maxConcurrency,
    string gatewayUrl,
    string token,
    IGatewayDispatchHandler dispatchHandler,
    IdentifyGate identifyGate,
    ReconnectBackoff backoff,
    TimeProvider timeProvider,
    ILogger logger,
    GatewayConnectionState? connectionState = null,
    BotMetrics? metrics = null)
{
    public const int MaxPayloadBytes = 4096;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The largest message read from the gateway (<see cref="DiscordOptions.MaxGatewayMessageBytes"/>).</summary>
    internal int MaxReceiveBytes { get; init; } = new DiscordOptions().MaxGatewayMessageBytes;

    /// <summary>Jitter for the first heartbeat, in [0, 1).</summary>
    internal Func<double> HeartbeatJitter { get; init; } = Random.Shared.NextDouble;

    public int ShardId => shardId;

    public string? SessionId { get; private set; }

    public string? ResumeGatewayUrl { get; private set; }

    /// <summary>The last non-null sequence number from a dispatch; sent in heartbeats and Resume.</summary>
    public int? LastSequence => _lastSequence < 0 ? null : _lastSequence;

    private int _lastSequence = -1;

    // A READY after the first one is a reconnect that had to identify afresh (the metrics tell it from a resume).
    private bool _everReady;

    /// <summary>Runs until cancelled or until a fatal close code; never throws for network trouble.</summary>
    public async Task<ShardStop> RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var resume = SessionId is not null;
            var url = resume ? ResumeGatewayUrl ?? gatewayUrl : gatewayUrl;
            ConnectionEnd end;
            try
            {
                if (!resume)
                {
                    // Each identify spends one of the day's session starts; with none left, wait here, disconnected.
                    await identifyGate.ReserveSessionStartAsync(shardId, cancellationToken).ConfigureAwait(false);
                }

                end = await RunConnectionAsync(url, resume, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or HttpRequestException or JsonException)
            {
                // A JsonException's message quotes the payload (user text): its type is enough.
                LogConnectionFailed(shardId, ex.GetType().Name, ex is JsonException ? "malformed payload" : ex.Message);
                end = new ConnectionEnd(ReconnectAction.Resume, null, Planned: false);
            }
            finally
            {
                connectionState?.MarkDown(shardId);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (end.Action == ReconnectAction.Fatal)
            {
                return new ShardStop(shardId, end.CloseCode);
            }

            if (end.Action == ReconnectAction.Identify)
            {
                SessionId = null;
                ResumeGatewayUrl = null;
                _lastSequence = -1;
            }

            var delay = end.Planned ? TimeSpan.Zero : backoff.NextDelay();
            LogReconnecting(shardId, end.Action, end.CloseCode ?? 0, delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return new ShardStop(shardId, null);
    }

    private async Task<ConnectionEnd> RunConnectionAsync(string url, bool resume, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using (var timeout = new CancellationTokenSource(ConnectTimeout, timeProvider))
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            await socket.ConnectAsync(GatewayUri(url), connectTimeout.Token).ConfigureAwait(false);
        }

        // Not linked to the stopping token: on shutdown we first close politely (see CloseForShutdownAsync).
        using var connectionCts = new CancellationTokenSource();
        var connection = new GatewayConnection(socket, new GatewaySendLimiter(timeProvider), timeProvider);
        await using var stopping = cancellationToken.Register(() => _ = CloseForShutdownAsync(connection, connectionCts));
        Task? heartbeats = null;
        try
        {
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            while (true)
            {
                buffer.ResetWrittenCount();
                WebSocketReceiveResult? closed;
                try
                {
                    closed = await ReceiveMessageAsync(socket, buffer, MaxReceiveBytes, connectionCts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && connection.ZombieDetected)
                {
                    LogZombie(shardId);
                    return new ConnectionEnd(ReconnectAction.Resume, GatewayCloseCodes.ReconnectClose, Planned: true);
                }
                catch (WebSocketException) when (connection.ZombieDetected)
                {
                    LogZombie(shardId);
                    return new ConnectionEnd(ReconnectAction.Resume, GatewayCloseCodes.ReconnectClose, Planned: true);
                }
                catch (InvalidDataException)
                {
                    LogMessageTooLarge(shardId, MaxReceiveBytes);
                    await connection.CloseAsync(GatewayCloseCodes.ReconnectClose, "message too large", CloseTimeout).ConfigureAwait(false);
                    return new ConnectionEnd(ReconnectAction.Resume, GatewayCloseCodes.ReconnectClose, Planned: false);
                }

                if (closed is not null)
                {
                    var code = (int?)closed.CloseStatus;
                    var action = GatewayCloseCodes.Classify(code);
                    if (action != ReconnectAction.Fatal && !cancellationToken.IsCancellationRequested)
                    {
                        LogClosedByDiscord(shardId, code ?? 0, GatewayCloseCodes.Describe(code ?? 0));
                    }

                    return new ConnectionEnd(action, code, Planned: false);
                }

                var end = await HandlePayloadAsync(buffer.WrittenMemory, connection, resume, connectionCts.Token, () =>
                    heartbeats ??= RunHeartbeatsAsync(connection, connectionCts)).ConfigureAwait(false);
                if (end is not null)
                {
                    await connection.CloseAsync(GatewayCloseCodes.ReconnectClose, "reconnect", CloseTimeout).ConfigureAwait(false);
                    return end;
                }
            }
        }
        finally
        {
            await connectionCts.CancelAsync().ConfigureAwait(false);
            if (heartbeats is not null)
            {
                await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles one payload; returns how the connection should end, or null to keep reading.</summary>
    private async Task<ConnectionEnd?> HandlePayloadAsync(
        ReadOnlyMemory<byte> frame, GatewayConnection connection, bool resume, CancellationToken cancellationToken, Func<Task> startHeartbeats)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var op = root.GetInt("op") ?? -1;
        var data = root.TryGetProperty("d", out var d) ? d : default;
        switch (op)
        {
            case GatewayOpCode.Dispatch:
                if (root.GetInt("s") is { } sequence)
                {
                    _lastSequence = sequence;
                }

                var eventName = root.GetString("t") ?? string.Empty;
                if (eventName == "READY")
                {
                    SessionId = data.GetString("session_id");
                    ResumeGatewayUrl = data.GetString("resume_gateway_url");
                    backoff.Reset();
                    connectionState?.MarkLive(shardId);
                    if (_everReady)
                    {
                        metrics?.GatewayReconnected("discord", "identify");
                    }

                    _everReady = true;
                    LogReady(shardId, shardCount);
                }
                else if (eventName == "RESUMED")
                {
                    backoff.Reset();
                    connectionState?.MarkLive(shardId);
                    metrics?.GatewayReconnected("discord", "resume");
                    LogResumed(shardId, LastSequence ?? 0);
                }

                dispatchHandler.OnDispatch(shardId, eventName, data);
                return null;

            case GatewayOpCode.Hello:
                var interval = TimeSpan.FromMilliseconds(data.TryGetProperty("heartbeat_interval", out var ms) && ms.TryGetDouble(out var value) ? value : 41_250);
                connection.HeartbeatInterval = interval;
                _ = startHeartbeats();
                if (resume && SessionId is not null)
                {
                    await connection.SendAsync(BuildResume(), isHeartbeat: false, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await identifyGate.RunAsync(shardId, maxConcurrency,
                        ct => connection.SendAsync(BuildIdentify(), isHeartbeat: false, ct), cancellationToken).ConfigureAwait(false);
                }

                return null;

            case GatewayOpCode.HeartbeatAck:
                connection.Acknowledge();
                return null;

            case GatewayOpCode.Heartbeat:
                await connection.SendAsync(BuildHeartbeat(), isHeartbeat: true, cancellationToken).ConfigureAwait(false);
                return null;

            case GatewayOpCode.Reconnect:
                LogReconnectRequested(shardId);
                return new ConnectionEnd(ReconnectAction.Resume, null, Planned: true);

            case GatewayOpCode.InvalidSession:
                var resumable = data.ValueKind == JsonValueKind.True;
                LogInvalidSession(shardId, resumable);
                return resumable
                    ? new ConnectionEnd(ReconnectAction.Resume, null, Planned: true)
                    : new ConnectionEnd(ReconnectAction.Identify, null, Planned: false);

            default:
                return null;
        }
    }

    /// <summary>
    /// Shutdown: close with 1000 so Discord ends the session and shows the bot offline at once, then stop reading
    /// if Discord does not answer the close quickly.
    /// </summary>
    private async Task CloseForShutdownAsync(GatewayConnection connection, CancellationTokenSource connectionCts)
    {
        try
        {
            await connection.CloseAsync(1000, "shutting down", CloseTimeout).ConfigureAwait(false);
            await Task.Delay(CloseTimeout, timeProvider, connectionCts.Token).ConfigureAwait(false);
            await connectionCts.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended on its own.
        }
    }

    private async Task RunHeartbeatsAsync(GatewayConnection connection, CancellationTokenSource connectionCts)
    {
        var cancellationToken = connectionCts.Token;
        try
        {
            var interval = connection.HeartbeatInterval;
            await Task.Delay(interval * HeartbeatJitter(), timeProvider, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!connection.TryBeginHeartbeat())
                {
                    // No ACK since the last beat: the connection is a zombie. Close it (not 1000, so the session survives) and resume.
                    connection.ZombieDetected = true;
                    await connection.CloseAsync(GatewayCloseCodes.ReconnectClose, "zombie connection", CloseTimeout).ConfigureAwait(false);
                    await connectionCts.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await connection.SendAsync(BuildHeartbeat(), isHeartbeat: true, cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The read loop sees the broken socket and reconnects.
        }
    }

    /// <summary>Reads one whole message; an <see cref="InvalidDataException"/> once it grows past <paramref name="maxBytes"/>.</summary>
    private static async Task<WebSocketReceiveResult?> ReceiveMessageAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var memory = buffer.GetMemory(8 * 1024);
            var result = await socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, socket.CloseStatus, socket.CloseStatusDescription);
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > maxBytes)
            {
                throw new InvalidDataException($"A gateway message exceeded {maxBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return null;
            }
        }
    }

    private static Uri GatewayUri(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private byte[] BuildHeartbeat() => JsonSerializer.SerializeToUtf8Bytes(new { op = GatewayOpCode.Heartbeat, d = LastSequence });

    private byte[] BuildIdentify() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        op = GatewayOpCode.Identify,
        d = new
        {
            token,
            intents = (int)GatewayIntents.PolicyBot,
            properties = new { os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", browser = "policybot", device = "policybot" },
            shard = new[] { shardId, shardCount },
            large_threshold = 50,
        },
    });

    private byte[] BuildResume() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        op = GatewayOpCode.Resume,
        d = new { token, session_id = SessionId, seq = LastSequence },
    });

    private sealed record ConnectionEnd(ReconnectAction Action, int? CloseCode, bool Planned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shard {ShardId}: a gateway message was larger than {MaxBytes} bytes (Discord:MaxGatewayMessageBytes); reconnecting")]
    private partial void LogMessageTooLarge(int shardId, int maxBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId}/{ShardCount} is ready")]
    private partial void LogReady(int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId} resumed at sequence {Sequence}")]
    private partial void LogResumed(int shardId, int sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord asked shard {ShardId} to reconnect")]
    private partial void LogReconnectRequested(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord invalidated the session of shard {ShardId} (resumable: {Resumable})")]
    private partial void LogInvalidSession(int shardId, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId}: no heartbeat ACK before the next beat; reconnecting to resume")]
    private partial void LogZombie(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord closed shard {ShardId}'s connection with {CloseCode} ({Reason})")]
    private partial void LogClosedByDiscord(int shardId, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId} connection failed: {ErrorType}: {Error}")]
    private partial void LogConnectionFailed(int shardId, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord shard {ShardId}: next step {Action} after close {CloseCode}, in {DelayMs} ms")]
    private partial void LogReconnecting(int shardId, ReconnectAction action, int closeCode, double delayMs);
}
