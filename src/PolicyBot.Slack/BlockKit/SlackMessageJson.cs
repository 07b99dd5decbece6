using System.Buffers;
using System.Text.Json;

namespace PolicyBot.Slack.BlockKit;

/// <summary>Writes messages as the JSON Slack's methods and <c>response_url</c> take, straight to UTF-8 (no DOM on the hot path).</summary>
public static class SlackMessageJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    /// <summary>The body of an inline answer or a <c>response_url</c> post.</summary>
    public static byte[] ResponseBody(SlackMessage message, bool? replaceOriginal = null) =>
        Write(writer =>
        {
            writer.WriteString("response_type", message.Ephemeral ? "ephemeral" : "in_channel");
            if (replaceOriginal is { } replace)
            {
                writer.WriteBoolean("replace_original", replace);
            }

            WriteContent(writer, message);
        });

    /// <summary>
    /// Writes an object: <paramref name="fields"/> fills it. Shared by every Web API call so the JSON stays in one style.
    /// </summary>
    public static byte[] Write(Action<Utf8JsonWriter> fields)
    {
        // One buffer and writer per thread, reset for each message: only the finished bytes are allocated. A message
        // written while writing another (no caller does) gets buffers of its own.
        var nested = t_busy;
        var buffer = nested ? new ArrayBufferWriter<byte>(1024) : t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = nested ? new Utf8JsonWriter(buffer, WriterOptions) : t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        t_busy = true;
        try
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            t_busy = nested;
            if (!nested && buffer.Capacity > MaxRetainedBytes)
            {
                // A rare large message (a long list) does not stay pinned to the thread.
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static bool t_busy;

    /// <summary><c>text</c> and <c>blocks</c> of a message.</summary>
    public static void WriteContent(Utf8JsonWriter writer, SlackMessage message)
    {
        writer.WriteString("text", message.Text);
        writer.WriteStartArray("blocks");
        foreach (var block in message.Blocks)
        {
            WriteBlock(writer, block);
        }

        writer.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter writer, Block block)
    {
        writer.WriteStartObject();
        switch (block)
        {
            case HeaderBlock header:
                writer.WriteString("type", "header");
                WriteText(writer, "text", "plain_text", header.PlainText);
                break;
            case SectionBlock section:
                writer.WriteString("type", "section");
                WriteText(writer, "text", "mrkdwn", section.Mrkdwn);
                break;
            case ContextBlock context:
                writer.WriteString("type", "context");
                writer.WriteStartArray("elements");
                foreach (var element in context.MrkdwnElements)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "mrkdwn");
                    writer.WriteString("text", element);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case ActionsBlock actions:
                writer.WriteString("type", "actions");
                writer.WriteStartArray("elements");
                foreach (var button in actions.Buttons)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "button");
                    WriteText(writer, "text", "plain_text", button.Label);
                    writer.WriteString("action_id", button.ActionId);
                    writer.WriteString("value", button.ActionId);
                    if (button.Style is not null)
                    {
                        writer.WriteString("style", button.Style);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case DividerBlock:
                writer.WriteString("type", "divider");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block type.");
        }

        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string property, string type, string text)
    {
        writer.WriteStartObject(property);
        writer.WriteString("type", type);
        writer.WriteString("text", text);
        if (type == "plain_text")
        {
            writer.WriteBoolean("emoji", true);
        }

        writer.WriteEndObject();
    }
}
