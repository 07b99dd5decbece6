using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Slack.BlockKit;

/// <summary>
/// Slack's mrkdwn from our light markdown. Only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped (Slack's rule):
/// with <c>&lt;</c> escaped no control sequence such as <c>&lt;!channel&gt;</c> or <c>&lt;@U…&gt;</c> can be formed.
/// </summary>
public static partial class Mrkdwn
{
    /// <summary>Escapes user-derived text so it shows as typed and never pings.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Escapes, then turns <c>**bold**</c> into <c>*bold*</c>. A line-leading <c>&gt; </c> stays a raw <c>&gt;</c> so quotes
    /// keep rendering; a lone <c>&gt;</c> cannot open a control sequence, which needs <c>&lt;</c>.
    /// </summary>
    public static string FromLightMarkdown(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = Escape(text);
        escaped = QuoteMarker().Replace(escaped, "$1> ");
        return Bold().Replace(escaped, "*$1*");
    }

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();

    [GeneratedRegex(@"(^|\n)&gt; ", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteMarker();
}
