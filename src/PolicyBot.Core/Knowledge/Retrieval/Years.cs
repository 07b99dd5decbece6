using System.Globalization;
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

    /// <summary>The years of <see cref="In"/> as numbers, in the order written.</summary>
    public static IEnumerable<int> NumbersIn(string? text) => In(text).Select(y => int.Parse(y, CultureInfo.InvariantCulture));

    // ASCII digits only: \d would also take other scripts' digits, which are no year here and do not parse.
    [GeneratedRegex(@"\b(?:1[89]|20)[0-9][0-9]\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();
}
