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
        var replacements = new List<(int First, int Count, string Wording)>();
        foreach (var group in index.PhraseGroups)
        {
            if (group.Phrases.FirstOrDefault(index.Covers) is not { } articlePhrase)
            {
                continue;
            }

            foreach (var phrase in group.Phrases.Where(p => !index.Covers(p)))
            {
                foreach (var first in phrase.FindIn(tokens))
                {
                    var count = phrase.Terms.Length;
                    if (!replacements.Any(r => first < r.First + r.Count && r.First < first + count))
                    {
                        replacements.Add((first, count, articlePhrase.Text));
                    }
                }
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
            copied = last.Offset + last.Length;
        }

        return rewritten.Append(normalized, copied, normalized.Length - copied).ToString();
    }
}
