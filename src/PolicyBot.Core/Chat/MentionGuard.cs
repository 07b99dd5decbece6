using System.Text.RegularExpressions;

namespace PolicyBot.Core.Chat;

/// <summary>
/// Defuses mass and role pings in user text for renderers that have no allowed-mentions switch (console, plain fallbacks).
/// Discord additionally sends <c>allowed_mentions: {parse: []}</c>; Slack escapes &amp;, &lt; and &gt;.
/// </summary>
public static partial class MentionGuard
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Inserts a zero-width space after '@' in @everyone/@here and after '&lt;@&amp;' role mentions.</summary>
    public static string Defuse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = MassMention().Replace(text, m => "@" + ZeroWidthSpace + m.Groups[1].Value);
        return RoleMention().Replace(text, m => "<@" + ZeroWidthSpace + "&" + m.Groups[1].Value + ">");
    }

    [GeneratedRegex("@(everyone|here)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MassMention();

    [GeneratedRegex(@"<@&(\d+)>", RegexOptions.CultureInvariant)]
    private static partial Regex RoleMention();
}
