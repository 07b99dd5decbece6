using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Knowledge.Text;

/// <summary>
/// The words of one article: lower-cased surface forms with their counts, and their stemmed terms. It repairs a
/// question's misspelling of one of them ("okafro" is "okafor") when the misspelt form is no English word.
/// </summary>
public sealed partial class Vocabulary
{
    private readonly FrozenDictionary<string, int> _words;
    private readonly string[] _repairable;

    public Vocabulary(IEnumerable<string> texts)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match match in Letters().Matches(text))
            {
                var word = match.Value.ToLowerInvariant();
                words[word] = words.GetValueOrDefault(word) + 1;
            }

            terms.UnionWith(TextAnalyzer.Terms(text));
        }

        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _repairable = [.. words.Keys.Where(w => w.Length >= MinimumRepairLength - 1)];
        Terms = terms.ToFrozenSet(StringComparer.Ordinal);
    }

    // Shorter words are too easily another word one edit away ("bill" / "will").
    private const int MinimumRepairLength = 4;

    // A word the everyday corpus saw at least this often is a real word, not a misspelling.
    private const int RealWordCount = 3;

    /// <summary>The stemmed terms of the article's words (<see cref="TextAnalyzer.Terms"/>).</summary>
    public FrozenSet<string> Terms { get; }

    public bool Contains(string lowerWord) => _words.ContainsKey(lowerWord);

    /// <summary>
    /// The article's word that <paramref name="lowerWord"/> misspells: one edit away for words of up to six letters,
    /// two for longer ones, the most frequent in the article on a tie; null when the word is the article's, is an
    /// English word, or is near none of the article's.
    /// </summary>
    public string? Repair(string lowerWord)
    {
        if (lowerWord.Length < MinimumRepairLength || lowerWord.Any(char.IsDigit) || _words.ContainsKey(lowerWord)
            || WordFrequencies.Count(lowerWord) >= RealWordCount)
        {
            return null;
        }

        var allowed = lowerWord.Length >= 7 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        foreach (var candidate in _repairable)
        {
            if (Math.Abs(candidate.Length - lowerWord.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance.Compute(lowerWord, candidate);
            var count = _words[candidate];
            if (distance <= allowed && (distance < bestDistance || (distance == bestDistance && count > bestCount)))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }

        return best;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Letters();
}
