namespace PolicyBot.Discord;

/// <summary>Cuts text to Discord's limits without splitting a surrogate pair, marking the cut with an ellipsis.</summary>
internal static class TextLimits
{
    private const char Ellipsis = '…';

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 1)
        {
            return max == 1 ? Ellipsis.ToString() : string.Empty;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis.ToString());
    }
}
