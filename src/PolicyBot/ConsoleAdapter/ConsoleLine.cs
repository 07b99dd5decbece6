using System.Text.RegularExpressions;

namespace PolicyBot.ConsoleAdapter;

/// <summary>A console line, optionally spoken as someone else: <c>alice&gt; !vote 1 2</c>.</summary>
public static partial class ConsoleLine
{
    public static (string Speaker, string Message) Split(string line, string defaultSpeaker)
    {
        var match = SpeakerPrefix().Match(line);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : (defaultSpeaker, line);
    }

    [GeneratedRegex(@"^\s*([A-Za-z0-9_.-]{1,32})>\s?(.*)$", RegexOptions.Singleline)]
    private static partial Regex SpeakerPrefix();
}
