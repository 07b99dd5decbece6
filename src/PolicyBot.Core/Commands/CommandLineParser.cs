namespace PolicyBot.Core.Commands;

/// <summary>Splits a chat message such as <c>!poll Best? | a | b</c> into a command name and its argument text.</summary>
public static class CommandLineParser
{
    /// <summary>False when the message does not start with the prefix followed by a name.</summary>
    public static bool TryParse(string message, string prefix, out string name, out string arguments)
    {
        name = string.Empty;
        arguments = string.Empty;
        var text = message.AsSpan().TrimStart();
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        text = text[prefix.Length..];
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        if (end == 0)
        {
            return false;
        }

        name = text[..end].ToString().ToLowerInvariant();
        arguments = text[end..].Trim().ToString();
        return true;
    }
}
