using System.Text;

namespace PolicyBot.Core.Chat;

/// <summary>
/// Keeps control characters (NUL, BEL, ESC and the rest of C0 and C1) and bidirectional overrides and isolates out of
/// what is stored and shown: a terminal would obey them, a platform may reject them, and an override makes text read
/// backwards ("‮gnp.exe"). Tab and line feed stay (CR LF becomes LF); a lone surrogate, which no encoder can write,
/// becomes U+FFFD.
/// </summary>
public static class ControlCharacters
{
    public static string Strip(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.Replace("\r\n", "\n", StringComparison.Ordinal).EnumerateRunes())
        {
            if (rune.Value is '\n' or '\t' || (!Rune.IsControl(rune) && !IsBidiControl(rune.Value)))
            {
                clean.Append(rune.ToString());
            }
        }

        return clean.ToString();
    }

    /// <summary>The reply with every text it shows stripped (title, text, footer, quotes, button labels, file descriptions).</summary>
    public static Reply Strip(Reply reply) => reply with
    {
        Title = reply.Title is null ? null : Strip(reply.Title),
        Text = Strip(reply.Text),
        Footer = reply.Footer is null ? null : Strip(reply.Footer),
        Citations = [.. reply.Citations.Select(c => c with { Quote = Strip(c.Quote) })],
        Actions = [.. reply.Actions.Select(a => a with { Label = Strip(a.Label) })],
        Attachments = [.. reply.Attachments.Select(a => a.Description is null ? a : a with { Description = Strip(a.Description) })],
    };

    // Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069); the marks LRM and RLM only steer neutral characters.
    private static bool IsBidiControl(int c) => c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c is not '\n' and not '\t') || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
