using System.Collections.Frozen;
using System.IO.Compression;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>
/// How common a word is in everyday English (SUBTLEX-US: 51 million words of film and TV subtitles; embedded as
/// <c>Data/word-frequencies.tsv.gz</c>). It says which of a question's words are telling ("turnout" more than "said")
/// and which words exist at all, so a misspelling can be told from a rare real word. Knows nothing of any article.
/// </summary>
public static class WordFrequencies
{
    private static readonly Lazy<(FrozenDictionary<string, long> Counts, FrozenSet<string> Capitalized, double LogTotal)> Table = new(Load);

    /// <summary>How often <paramref name="word"/> (lower case) occurs in the corpus; 0 for a word it never saw.</summary>
    public static long Count(string word) => Table.Value.Counts.GetValueOrDefault(word);

    /// <summary>
    /// The surprise of a word, -log of its share of the corpus, from about 3 ("the") to 16 (unseen): the weight of a
    /// question word when counting what the article covers.
    /// </summary>
    public static double Rarity(string word) => Math.Min(Table.Value.LogTotal - Math.Log(Count(word) + 1), MaxRarity);

    /// <summary>Whether the corpus mostly writes <paramref name="word"/> (lower case) with a capital: a name ("Maria"), not a noun ("economist").</summary>
    public static bool IsUsuallyCapitalized(string word) => Table.Value.Capitalized.Contains(word);

    /// <summary>The rarity of a word the corpus never saw (a name, a typo, jargon).</summary>
    public const double MaxRarity = 16;

    private static (FrozenDictionary<string, long>, FrozenSet<string>, double) Load()
    {
        using var stream = typeof(WordFrequencies).Assembly.GetManifestResourceStream("PolicyBot.Core.Knowledge.Text.Data.word-frequencies.tsv.gz")
            ?? throw new InvalidOperationException("The embedded word-frequency table is missing from PolicyBot.Core.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var capitalized = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2 && !line.StartsWith('#') && long.TryParse(fields[1], out var count))
            {
                counts[fields[0]] = count;
                if (fields.Length > 2 && fields[2] == "C")
                {
                    capitalized.Add(fields[0]);
                }
            }
        }

        return (counts.ToFrozenDictionary(StringComparer.Ordinal), capitalized.ToFrozenSet(StringComparer.Ordinal), Math.Log(counts.Values.Sum()));
    }
}
