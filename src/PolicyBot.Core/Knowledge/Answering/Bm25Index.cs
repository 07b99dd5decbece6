namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Okapi BM25 over a small fixed set of documents (an article's paragraphs, or its positions). Built once at start-up;
/// scoring a question is a few dictionary lookups per term.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, int>[] _termCounts;
    private readonly int[] _lengths;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<IReadOnlyList<string>> documents)
    {
        var docs = documents.ToArray();
        _termCounts = docs.Select(d => d.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)).ToArray();
        _lengths = docs.Select(d => d.Count).ToArray();
        _averageLength = docs.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
        var documentFrequency = _termCounts.SelectMany(c => c.Keys).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _idf = documentFrequency.ToDictionary(
            kv => kv.Key,
            kv => Math.Log(1 + ((docs.Length - kv.Value + 0.5) / (kv.Value + 0.5))),
            StringComparer.Ordinal);
    }

    public int Count => _lengths.Length;

    /// <summary>The inverse document frequency of a term; 0 for a term no document has.</summary>
    public double Idf(string term) => _idf.GetValueOrDefault(term);

    /// <summary>The IDF of a term, or for a term no document has, the IDF it would have in a single document.</summary>
    public double IdfOrMissing(string term) =>
        _idf.TryGetValue(term, out var idf) ? idf : Math.Log(1 + ((Count - 0.5) / 1.5));

    /// <summary>BM25 score of every document for the query terms (duplicates in the query count once).</summary>
    public double[] Score(IEnumerable<string> queryTerms)
    {
        var scores = new double[_lengths.Length];
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            if (!_idf.TryGetValue(term, out var idf))
            {
                continue;
            }

            for (var d = 0; d < scores.Length; d++)
            {
                if (_termCounts[d].TryGetValue(term, out var tf))
                {
                    scores[d] += idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * _lengths[d] / _averageLength))));
                }
            }
        }

        return scores;
    }
}
