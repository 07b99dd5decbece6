using System.Text;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// A question put in the article's words: a phrase of a synonym group that the article never uses ("bromance", "war
/// games", "NK", "sideshow") becomes the group's phrase it does use ("relationship", "military drills", "North
/// Korea", "distraction"). BM25 already searches those words; this gives the sentence embedding the same help, since
/// MiniLM has seldom met chat slang but matches the article's own wording well.
/// </summary>
public static class ArticleWording
{
    public static string Apply(string text, ArticleIndex index)
    {
        var normalized = TextAnalyzer.Normalize(text);
        var tokens = TextAnalyzer.Tokens(text).ToList();
        var candidates = index.PhraseMatches(tokens).Where(m => !m.InArticle)
            .Select(m => (m.First, Count: m.Phrase.Terms.Length, Wording: m.ArticlePhrases[0].Text));

        // The longest phrase wins an overlap: "Little Rocket Man" is Kim, not "Little Kim".
        var replacements = new List<(int First, int Count, string Wording)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Count))
        {
            if (!replacements.Any(r => candidate.First < r.First + r.Count && r.First < candidate.First + candidate.Count))
            {
                replacements.Add(candidate);
            }
        }

        if (replacements.Count == 0)
        {
            return text;
        }

        var rewritten = new StringBuilder();
        var copied = 0;
        foreach (var (first, count, wording) in replacements.OrderBy(r => r.First))
        {
            var start = tokens[first].Span.Offset;
            var last = tokens[first + count - 1].Span;
            rewritten.Append(normalized, copied, start - copied).Append(wording);

            // A possessive stays: "NK's arsenal" becomes "North Korea's arsenal".
            var word = normalized.AsSpan(last.Offset, last.Length);
            var apostrophe = word.IndexOfAny('\'', '’');
            copied = last.Offset + (apostrophe < 0 ? last.Length : apostrophe);
        }

        return rewritten.Append(normalized, copied, normalized.Length - copied).ToString();
    }
}
