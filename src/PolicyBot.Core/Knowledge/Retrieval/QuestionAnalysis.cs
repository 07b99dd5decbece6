using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// A topical unit of a question: one word, or a run of adjacent capitalised words taken as one name ("Kim Jong-un").
/// </summary>
/// <param name="Known">Every term of it is in the article's vocabulary.</param>
/// <param name="Weight">How specific it is (see <see cref="ArticleIndex.Specificity"/>); unknown units weigh the most.</param>
public sealed record ContentUnit(string Surface, ImmutableArray<string> Terms, bool IsName, bool Known, double Weight);

/// <summary>
/// What a question asks about, measured against one article: its content words and names, which of them the article
/// knows, and how much of the question's specific content that is.
/// </summary>
public sealed record QuestionAnalysis(ImmutableArray<ContentUnit> Units, ImmutableArray<string> QueryTerms)
{
    /// <summary>
    /// Specificity-weighted share of the question's content the article knows (1 when there is none). Words found all
    /// over the article ("North Korea") count little; a specific word it never uses ("armistice") counts a lot.
    /// </summary>
    public double Coverage
    {
        get
        {
            var total = Units.Sum(u => u.Weight);
            return total <= 0 ? 1 : Units.Where(u => u.Known).Sum(u => u.Weight) / total;
        }
    }

    /// <summary>Names (capitalised mid-sentence) that appear nowhere in the article.</summary>
    public IEnumerable<ContentUnit> UnknownNames => Units.Where(u => u.IsName && !u.Known);

    public bool HasKnownContent => Units.Any(u => u.Known);

    public static QuestionAnalysis Analyze(string question, ArticleIndex index)
    {
        var tokens = TextAnalyzer.Tokens(question).Where(t => !StopWords.English.Contains(t.Surface)).ToList();
        var topical = tokens.Where(t => !StopWords.QuestionFraming.Contains(t.Surface)).ToList();

        // "Who is the author?" is all framing: then the framing words are the topic.
        if (topical.Count == 0)
        {
            topical = tokens;
        }

        var units = new List<ContentUnit>();
        var name = new List<Token>();
        foreach (var token in topical)
        {
            var continuesName = name.Count > 0 && token.Index == name[^1].Index + 1 && (token.Capitalized || token.Hyphenated);
            if (!continuesName)
            {
                FlushName();
            }

            if (continuesName || (token.Capitalized && !token.SentenceStart))
            {
                name.Add(token);
                continue;
            }

            units.Add(Unit(token.Surface, [token.Term], isName: false));
        }

        FlushName();
        var queryTerms = topical.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

        // "Pyongyang" also searches "North Korea" when the article says they are the same.
        foreach (var group in index.SynonymTerms)
        {
            if (group.Any(name => name.Length > 0 && name.All(queryTerms.Contains)))
            {
                queryTerms.UnionWith(group.SelectMany(name => name));
            }
        }

        return new QuestionAnalysis([.. units], [.. queryTerms]);

        void FlushName()
        {
            if (name.Count > 0)
            {
                units.Add(Unit(string.Join(' ', name.Select(t => t.Surface)), [.. name.Select(t => t.Term)], isName: true));
                name.Clear();
            }
        }

        ContentUnit Unit(string surface, ImmutableArray<string> terms, bool isName)
        {
            var known = terms.All(index.Vocabulary.Contains);

            // A name is as specific as its rarest part ("Jong-un" in "Kim Jong-un").
            return new ContentUnit(surface, terms, isName, known, terms.Max(index.Specificity));
        }
    }
}
