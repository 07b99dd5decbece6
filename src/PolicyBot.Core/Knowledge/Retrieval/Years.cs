using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// Calendar years in text ("2017", "1994"). A year pins a question to a time as firmly as a name pins it to a person:
/// an article that never mentions the year (nor is dated in it) is not about what happened then.
/// </summary>
public static partial class Years
{
    public static bool IsYear(string word) => word.Length == 4 && Year().IsMatch(word);

    /// <summary>Every year written in <paramref name="text"/> ("published: November 2019" gives "2019").</summary>
    public static IEnumerable<string> In(string? text) =>
        text is null ? [] : Year().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\b(?:1[89]|20)\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();
}
