using System.Text;

namespace PolicyBot.Core.Chat;

/// <summary>Renders a <see cref="Reply"/> as plain text: the console adapter's output and every platform's fallback text.</summary>
public static class PlainTextReplyFormatter
{
    public static string Format(Reply reply)
    {
        reply = ControlCharacters.Strip(reply);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            text.Append("**").Append(reply.Title).AppendLine("**");
        }

        text.Append(reply.Text.TrimEnd());
        if (!string.IsNullOrWhiteSpace(reply.Footer))
        {
            text.AppendLine().Append("— ").Append(reply.Footer);
        }

        if (reply.Actions.Length > 0)
        {
            text.AppendLine().Append("Buttons: ")
                .AppendJoin("  ", reply.Actions.Select(a => $"[{a.Label}]"));
        }

        foreach (var attachment in reply.Attachments)
        {
            text.AppendLine().Append($"(attachment: {attachment.FileName}, {attachment.Content.Length:N0} bytes)");
        }

        return reply.Mentions == MentionPolicy.Everyone ? text.ToString() : MentionGuard.Defuse(text.ToString());
    }
}
