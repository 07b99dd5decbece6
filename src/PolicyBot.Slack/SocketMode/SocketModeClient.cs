using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Diagnostics;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack.SocketMode;

/// <summary>
/// Keeps <see cref="SlackOptions.SocketModeConnections"/> Socket Mode connections open (Slack delivers each envelope on
/// one of them). Each (re)connect fetches a fresh single-use URL with <c>apps.connections.open</c>. On a
/// <c>warning</c> or <c>refresh_requested</c> the replacement is connected (hello received) before the old socket is
/// let go, so nothing is missed; <c>link_disabled</c> stops everything; drops reconnect with capped, jittered backoff.
/// </summary>
public sealed partial class SocketModeClient(
    SlackWebApiClient api,
    SocketModeEnvelopeHandler handler,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SocketModeClient> logger,
    SocketModeConnectionState? connectionState = null,
    BotMetrics? metrics = null) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a replaced connection may keep delivering; Slack's warning comes about 10 s before it closes one.</summary>
    internal static readonly TimeSpan RetireGrace = TimeSpan.FromSeconds(10);

    /// <summary>On shutdown, how long envelopes already in hand may take to be acknowledged before the socket closes.</summary>
    internal static readonly TimeSpan ShutdownAckGrace = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan CloseAnswerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Errors after which retrying cannot help: the token or the workspace is gone.</summary>
    private static readonly HashSet<string> Unrecoverable =
        ["not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled", "token_revoked", "not_allowed_token_type"];

    private readonly CancellationTokenSource _disabled = new();
    private int _nextConnectionId;

    /// <summary>Hellos received so far; tests and health checks read it.</summary>
    public int ConnectionsEstablished => _connectionsEstablished;

    private int _connectionsEstablished;

    private readonly SocketModeConnectionState _state = connectionState ?? new SocketModeConnectionState();

    /// <summary>Sockets that said hello and are still being read; the readiness check wants at least one.</summary>
    public int OpenConnections => _state.OpenConnections;

    public bool IsStopped => _disabled.IsCancellationRequested;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _disabled.Token);
        var stagger = options.Value.SocketModeStagger;
        var slots = Enumerable.Range(0, options.Value.SocketModeConnections)
            .Select(slot => RunSlotAsync(stagger * slot, stop.Token))
            .ToArray();
        await Task.WhenAll(slots).ConfigureAwait(false);
    }

    private async Task RunSlotAsync(TimeSpan startDelay, CancellationToken stop)
    {
        try
        {
            if (startDelay > TimeSpan.Zero)
            {
                await Task.Delay(startDelay, clock, stop).ConfigureAwait(false);
            }

            var current = await ConnectWithBackoffAsync(reconnectKind: null, stop).ConfigureAwait(false);
            while (current is not null)
            {
                var (connection, receiving, refresh) = current.Value;
                var first = await Task.WhenAny(receiving, refresh.Task).ConfigureAwait(false);
                if (first == refresh.Task && !receiving.IsCompleted)
                {
                    // Refresh: connect the replacement first; the old socket keeps delivering until it is let go.
                    LogRefreshing(connection.Id);
                    var next = await ConnectWithBackoffAsync("refresh", stop).ConfigureAwait(false);
                    _ = RetireAsync(connection, receiving, stop);
                    current = next;
                    continue;
                }

                var end = await receiving.ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
                if (end == ConnectionEnd.LinkDisabled)
                {
                    LogLinkDisabled();
                    _state.MarkStopped();
                    await _disabled.CancelAsync().ConfigureAwait(false);
                    return;
                }

                if (end == ConnectionEnd.Stopped)
                {
                    return;
                }

                LogDropped(connection.Id);
                current = await ConnectWithBackoffAsync("drop", stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Null when stopping or when Slack refuses the app token for good.</summary>
    /// <param name="reconnectKind">Null for a slot's first connection; "refresh" or "drop" (the metric's kind) for a reconnect.</param>
    private async Task<(SocketModeConnection, Task<ConnectionEnd>, TaskCompletionSource)?> ConnectWithBackoffAsync(string? reconnectKind, CancellationToken stop)
    {
        for (var failures = 0; !stop.IsCancellationRequested; failures++)
        {
            if (failures > 0)
            {
                await Task.Delay(Backoff(failures), clock, stop).ConfigureAwait(false);
            }

            SocketModeConnection? connection = null;
            try
            {
                var url = await api.OpenSocketModeConnectionAsync(stop).ConfigureAwait(false);
                connection = await SocketModeConnection.ConnectAsync(url, Interlocked.Increment(ref _nextConnectionId), stop).ConfigureAwait(false);
                await ExpectHelloAsync(connection, stop).ConfigureAwait(false);
                Interlocked.Increment(ref _connectionsEstablished);
                _state.Opened();
                if (reconnectKind is not null)
                {
                    metrics?.GatewayReconnected("slack", reconnectKind);
                }

                LogConnected(connection.Id);
                var refresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return (connection, ReceiveLoopAsync(connection, refresh, stop), refresh);
            }
            catch (SlackApiException ex) when (Unrecoverable.Contains(ex.Error))
            {
                LogUnrecoverable(ex.Error);
                _state.MarkStopped();
                await _disabled.CancelAsync().ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                LogConnectFailed(ex, failures + 1);
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        return null;
    }

    private async Task ExpectHelloAsync(SocketModeConnection connection, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(HelloTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        JsonDocument? hello;
        try
        {
            hello = await connection.ReceiveAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            throw new TimeoutException("Slack sent no hello on a new Socket Mode connection.");
        }

        using (hello)
        {
            var type = hello?.RootElement.String("type");
            if (type != "hello")
            {
                throw new InvalidDataException($"Expected hello on a new Socket Mode connection, got '{type ?? "close"}'.");
            }
        }
    }

    private async Task<ConnectionEnd> ReceiveLoopAsync(SocketModeConnection connection, TaskCompletionSource refresh, CancellationToken stop)
    {
        await Task.Yield();
        try
        {
            return await ReadUntilEndAsync(connection, refresh, stop).ConfigureAwait(false);
        }
        finally
        {
            _state.Closed();
        }
    }

    private async Task<ConnectionEnd> ReadUntilEndAsync(SocketModeConnection connection, TaskCompletionSource refresh, CancellationToken stop)
    {
        // Reads are not cancelled by the stopping token: cancelling a WebSocket read aborts the socket, and then neither
        // the acks still owed nor a proper close frame could be sent. Shutdown closes politely instead (see below).
        using var reading = new CancellationTokenSource();
        await using var stopping = stop.Register(() => _ = CloseForShutdownAsync(connection, reading));
        try
        {
            while (true)
            {
                using var message = await connection.ReceiveAsync(reading.Token).ConfigureAwait(false);
                if (message is null)
                {
                    return stop.IsCancellationRequested ? ConnectionEnd.Stopped : ConnectionEnd.Closed;
                }

                var root = message.RootElement;
                switch (root.String("type"))
                {
                    case "disconnect":
                        var reason = root.String("reason");
                        LogDisconnectMessage(connection.Id, reason);
                        if (reason is "link_disabled" or "socket_mode_disabled")
                        {
                            return ConnectionEnd.LinkDisabled;
                        }

                        if (reason == "too_many_websockets")
                        {
                            // Over Slack's limit: a replacement opened first would be refused too, so let this one go first.
                            await connection.CloseQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
                            return ConnectionEnd.Closed;
                        }

                        // warning, refresh_requested: replace this connection; keep reading until the new one is up.
                        refresh.TrySetResult();
                        break;
                    case "hello":
                        break;
                    default:
                        if (root.String("envelope_id").Length > 0)
                        {
                            // Each envelope on its own task: a 2 s command must not hold up the acks behind it.
                            var envelope = root.Clone();
                            connection.TrackAck(AcknowledgeAsync(connection, envelope));
                        }

                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException && !stop.IsCancellationRequested)
        {
            // Malformed JSON or a lone surrogate in a string. The exception's message quotes the message; it stays out of the log.
            LogMalformedMessage(connection.Id);
            return ConnectionEnd.Closed;
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidDataException && !stop.IsCancellationRequested)
        {
            LogReceiveFailed(ex, connection.Id);
            return ConnectionEnd.Closed;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException && stop.IsCancellationRequested)
        {
            return ConnectionEnd.Stopped;
        }
    }

    /// <summary>
    /// Shutdown of one socket: envelopes in hand still get their ack (an unacked one is redelivered, possibly after we
    /// did the work) within <see cref="ShutdownAckGrace"/>; then a normal close frame, and reading stops once Slack
    /// answers it or <see cref="CloseAnswerTimeout"/> passes.
    /// </summary>
    private async Task CloseForShutdownAsync(SocketModeConnection connection, CancellationTokenSource reading)
    {
        try
        {
            await connection.PendingAcks.WaitAsync(ShutdownAckGrace, clock).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await connection.CloseQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.Delay(CloseAnswerTimeout, clock, reading.Token).ConfigureAwait(false);
            await reading.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The read loop ended on its own (Slack answered the close).
        }
    }

    private async Task AcknowledgeAsync(SocketModeConnection connection, JsonElement envelope)
    {
        // Return to the caller at once, so the envelope is tracked as pending before any of its work starts:
        // a shutdown that begins meanwhile then waits for its ack.
        await Task.Yield();
        var envelopeId = envelope.String("envelope_id");
        byte[] ack;
        try
        {
            ack = await handler.HandleAsync(envelope).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Still acknowledge: an unacked envelope is redelivered, and the same failure would repeat.
            LogEnvelopeFailed(ex, envelopeId);
            ack = SocketModeEnvelopeHandler.Ack(envelopeId, payload: null);
        }

        try
        {
            // Not the stopping token: an ack for work already done is still worth sending while shutting down
            // (the receive loop waits for it, bounded by ShutdownAckGrace).
            await connection.SendAsync(ack, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogAckFailed(envelopeId, connection.Id);
        }
    }

    /// <summary>
    /// Lets an old connection go gently: it keeps delivering (and acknowledging on the same socket) until Slack closes it
    /// or <see cref="RetireGrace"/> passes, then waits for its last acks and closes it.
    /// </summary>
    private async Task RetireAsync(SocketModeConnection old, Task<ConnectionEnd> receiving, CancellationToken stop)
    {
        try
        {
            using var graceOver = CancellationTokenSource.CreateLinkedTokenSource(stop);
            await Task.WhenAny(receiving, Task.Delay(RetireGrace, clock, graceOver.Token)).ConfigureAwait(false);
            await graceOver.CancelAsync().ConfigureAwait(false);
            await old.PendingAcks.ConfigureAwait(false);
            await old.CloseQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            LogRetired(old.Id);
            await old.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    public override void Dispose()
    {
        _disabled.Dispose();
        base.Dispose();
    }

    private enum ConnectionEnd
    {
        Closed,
        LinkDisabled,
        Stopped,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} is up")]
    private partial void LogConnected(int connection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked connection {Connection} to go ({Reason})")]
    private partial void LogDisconnectMessage(int connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replacing Slack Socket Mode connection {Connection}; the old one stays until the new one is up")]
    private partial void LogRefreshing(int connection);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode connection {Connection} let go after its replacement came up")]
    private partial void LogRetired(int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} dropped; reconnecting")]
    private partial void LogDropped(int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack switched Socket Mode off for this app (link_disabled); stopping Socket Mode")]
    private partial void LogLinkDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused the app token ({Error}); Socket Mode stops. Check Slack:AppToken")]
    private partial void LogUnrecoverable(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to Slack Socket Mode failed (attempt {Attempt}); backing off")]
    private partial void LogConnectFailed(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} sent a message that is not JSON; reconnecting")]
    private partial void LogMalformedMessage(int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading Slack Socket Mode connection {Connection} failed")]
    private partial void LogReceiveFailed(Exception exception, int connection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Socket Mode envelope {EnvelopeId} failed; acknowledged anyway")]
    private partial void LogEnvelopeFailed(Exception exception, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge envelope {EnvelopeId} on connection {Connection}")]
    private partial void LogAckFailed(string envelopeId, int connection);
}
