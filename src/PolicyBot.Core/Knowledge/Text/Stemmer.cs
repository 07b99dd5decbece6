namespace PolicyBot.Core.Knowledge.Text;

/// <summary>
/// A light suffix stripper ("stemmer-ish"): plurals, -ing/-ed and common derivational endings, so that
/// "penalties"/"penalty" and "normalizing"/"normalization" meet. It only needs to be consistent between questions and
/// articles, not linguistically right. "-less" stays: it turns a word into its opposite ("pointless" is not "points").
/// </summary>
public static class Stemmer
{
    private static readonly (string Suffix, string Replacement)[] Derivational =
    [
        ("ization", string.Empty), ("ational", "at"), ("fulness", string.Empty), ("iveness", "ive"), ("ation", "at"),
        ("ness", string.Empty), ("ment", string.Empty), ("ful", string.Empty), ("tion", "t"),
        ("ably", string.Empty), ("ibly", string.Empty), ("abl", string.Empty), ("ibl", string.Empty), ("ity", string.Empty),
        ("ly", string.Empty), ("iz", string.Empty), ("is", string.Empty),
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        var stem = StripPlural(word);
        for (var pass = 0; pass < 2; pass++)
        {
            var before = stem;
            stem = StripInflection(stem);
            if (stem.Length > 4 && stem[^1] == 'e')
            {
                stem = stem[..^1];
            }

            stem = StripDerivational(stem);
            if (stem == before)
            {
                break;
            }
        }

        return stem;
    }

    private static string StripPlural(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)
            ? word[..^1]
            : word;
    }

    private static string StripInflection(string word)
    {
        var rest = word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3]
            : word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal) ? word[..^2]
            : null;
        if (rest is null || rest.Length < 3 || !rest.Any(IsVowel))
        {
            return word;
        }

        // "stopping" -> "stop", but "falling" stays "fall" and "missing" stays "miss".
        return rest.Length > 3 && rest[^1] == rest[^2] && !IsVowel(rest[^1]) && rest[^1] is not ('l' or 's' or 'z')
            ? rest[..^1]
            : rest;
    }

    private static string StripDerivational(string word)
    {
        foreach (var (suffix, replacement) in Derivational)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length + replacement.Length >= 4)
            {
                return word[..^suffix.Length] + replacement;
            }
        }

        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
