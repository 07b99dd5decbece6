using System.Text.Json;
using PolicyBot.Slack.BlockKit;

namespace PolicyBot.Slack.SocketMode;

/// <summary>
/// Turns one Socket Mode envelope into its acknowledgement. The payload is what HTTP mode would have delivered, so the
/// same <see cref="SlackRequestProcessor"/> handles it; a slash command's answer rides in the ack when Slack accepts one.
/// </summary>
public sealed class SocketModeEnvelopeHandler(SlackRequestProcessor processor)
{
    public async Task<byte[]> HandleAsync(JsonElement envelope)
    {
        var envelopeId = envelope.String("envelope_id");
        var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
        var acceptsPayload = envelope.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True;

        var ack = envelope.String("type") switch
        {
            "slash_commands" => await processor.HandleSlashCommandAsync(SlashCommandRequest.FromJson(payload) with { ReplayKey = envelopeId }, inlineAllowed: acceptsPayload)
                .ConfigureAwait(false),
            "interactive" => await processor.HandleInteractiveAsync(payload).ConfigureAwait(false),
            "events_api" => processor.HandleEvent(payload),
            _ => SlackAck.Empty,
        };

        return Ack(envelopeId, acceptsPayload ? ack.JsonBody : null);
    }

    public static byte[] Ack(string envelopeId, byte[]? payload) =>
        SlackMessageJson.Write(writer =>
        {
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload, skipInputValidation: true);
            }
        });
}
