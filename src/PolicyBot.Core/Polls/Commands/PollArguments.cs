namespace PolicyBot.Core.Polls.Commands;

/// <summary>Splits "<c>12 rest of the text</c>" into the poll number and the rest.</summary>
internal static class PollArguments
{
    public static (string Poll, string Remainder) SplitFirst(string arguments)
    {
        var trimmed = arguments.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
