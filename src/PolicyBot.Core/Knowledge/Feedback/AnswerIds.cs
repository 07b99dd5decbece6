using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PolicyBot.Core.Knowledge.Feedback;

/// <summary>Short random answer ids that fit in a button id (<c>rate:&lt;id&gt;:up</c>) and cannot be guessed in sequence.</summary>
public static partial class AnswerIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsValid(string id) => Format().IsMatch(id);

    [GeneratedRegex("^[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
