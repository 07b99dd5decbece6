using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>One way of saying something, as the stemmed terms of every word (stop words included, so "call off" keeps "off").</summary>
/// <param name="ContentTerms">The terms that are not stop words: what an article must contain to use the phrase.</param>
public sealed record Phrase(string Text, ImmutableArray<string> Terms, ImmutableArray<string> ContentTerms)
{
    public static Phrase Of(string text)
    {
        var tokens = TextAnalyzer.Tokens(text).ToArray();
        return new(text, [.. tokens.Select(t => t.Term)], [.. tokens.Where(t => !StopWords.English.Contains(t.Surface)).Select(t => t.Term)]);
    }

    /// <summary>Token indexes in <paramref name="tokens"/> where this phrase starts (contiguous, same terms).</summary>
    public IEnumerable<int> FindIn(IReadOnlyList<Token> tokens)
    {
        if (Terms.Length == 0)
        {
            yield break;
        }

        for (var start = 0; start + Terms.Length <= tokens.Count; start++)
        {
            var match = true;
            for (var k = 0; k < Terms.Length && match; k++)
            {
                match = tokens[start + k].Term == Terms[k];
            }

            if (match)
            {
                yield return start;
            }
        }
    }
}

/// <summary>Phrases that mean the same thing, in the order given (the first is the usual name).</summary>
public sealed record PhraseGroup(ImmutableArray<Phrase> Phrases)
{
    public static PhraseGroup Of(IEnumerable<string> phrases) => new([.. phrases.Select(Phrase.Of).Where(p => p.Terms.Length > 0)]);
}
