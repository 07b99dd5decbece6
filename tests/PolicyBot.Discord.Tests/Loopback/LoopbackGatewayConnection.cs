using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace PolicyBot.Discord.Tests.Loopback;

/// <summary>The server side of one gateway WebSocket: what the bot sent, and helpers to send Discord's payloads.</summary>
public sealed class LoopbackGatewayConnection(WebSocket socket, string path)
{
    private readonly SemaphoreSlim _sendTurn = new(1, 1);
    private readonly TaskCompletionSource<int?> _clientClose = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>"/gateway" or "/resume" (the resume_gateway_url the loopback hands out in READY).</summary>
    public string Path { get; } = path;

    /// <summary>Every payload but heartbeats.</summary>
    public Channel<JsonElement> Received { get; } = Channel.CreateUnbounded<JsonElement>();

    public Channel<JsonElement> Heartbeats { get; } = Channel.CreateUnbounded<JsonElement>();

    /// <summary>Answer heartbeats with op 11 (switch off to make the connection look like a zombie).</summary>
    public volatile bool AutoAck = true;

    /// <summary>The close code the bot sent, or null when the socket just dropped.</summary>
    public Task<int?> ClientClosed => _clientClose.Task;

    public Task SendHelloAsync(int heartbeatIntervalMs) => SendAsync(new { op = 10, d = new { heartbeat_interval = heartbeatIntervalMs } });

    public Task SendDispatchAsync(string eventName, int sequence, object data) => SendAsync(new { op = 0, s = sequence, t = eventName, d = data });

    public Task SendReadyAsync(int sequence, string sessionId, string resumeUrl, string applicationId = "777", string botUserId = "999") =>
        SendDispatchAsync("READY", sequence, new
        {
            v = 10,
            user = new { id = botUserId, username = "PolicyBot", bot = true },
            guilds = Array.Empty<object>(),
            session_id = sessionId,
            resume_gateway_url = resumeUrl,
            application = new { id = applicationId, flags = 0 },
        });

    public async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendTurn.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendTurn.Release();
        }
    }

    public async Task CloseAsync(int code)
    {
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "loopback close", CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
    }

    /// <summary>The next non-heartbeat payload with this op.</summary>
    public async Task<JsonElement> ReceiveOpAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? LoopbackDiscord.DefaultTimeout);
        while (true)
        {
            var payload = await Received.Reader.ReadAsync(cts.Token);
            if (payload.GetProperty("op").GetInt32() == op)
            {
                return payload;
            }
        }
    }

    public async Task<JsonElement> ReceiveHeartbeatAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? LoopbackDiscord.DefaultTimeout);
        return await Heartbeats.Reader.ReadAsync(cts.Token);
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _clientClose.TrySetResult((int?)result.CloseStatus);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var payload = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (payload.GetProperty("op").GetInt32() == 1)
                {
                    await Heartbeats.Writer.WriteAsync(payload, cancellationToken);
                    if (AutoAck)
                    {
                        await SendAsync(new { op = 11 });
                    }
                }
                else
                {
                    await Received.Writer.WriteAsync(payload, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _clientClose.TrySetResult(null);
        }
        finally
        {
            Received.Writer.TryComplete();
            Heartbeats.Writer.TryComplete();
        }
    }

    public override string ToString() => $"gateway connection {Path}";
}
