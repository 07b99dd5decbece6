using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace PolicyBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: whole JSON messages in (frames reassembled), acks out. Sends are serialised because
/// <see cref="ClientWebSocket"/> allows only one send at a time, and acks for concurrent envelopes share the socket.
/// </summary>
public sealed class SocketModeConnection(ClientWebSocket socket, int id) : IAsyncDisposable
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _pendingAcks = new();

    public int Id { get; } = id;

    public WebSocketState State => socket.State;

    public static async Task<SocketModeConnection> ConnectAsync(Uri url, int id, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            return new SocketModeConnection(socket, id);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next text message, or null once the server has closed the socket.</summary>
    public async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException("A Socket Mode message exceeded 4 MB.");
            }

            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
        }
    }

    /// <summary>Remembers an envelope still being answered, so the socket is not let go before its ack is sent.</summary>
    public void TrackAck(Task acknowledging)
    {
        _pendingAcks.TryAdd(acknowledging, 0);
        acknowledging.ContinueWith(static (t, state) => ((System.Collections.Concurrent.ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _),
            _pendingAcks, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every envelope received so far has been acknowledged (or failed to be).</summary>
    public Task PendingAcks => Task.WhenAll(_pendingAcks.Keys);

    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
