using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// What words alone say about one article, computed once when it loads: its sentences (exact substrings of their
/// paragraph, so quotes are verbatim), the two-sentence windows that carry a point across a sentence break, its
/// vocabulary, and BM25 indexes over paragraphs and sentences.
/// </summary>
public sealed class ArticleText
{
    public ArticleText(Article article)
    {
        Article = article;
        Sentences = [.. article.Paragraphs.Select(p => SentenceSplitter.Split(p).ToImmutableArray())];
        var order = ImmutableArray.CreateBuilder<SentenceRef>();
        for (var p = 0; p < Sentences.Length; p++)
        {
            for (var s = 0; s < Sentences[p].Length; s++)
            {
                order.Add(new SentenceRef(p + 1, s));
            }
        }

        SentenceOrder = order.ToImmutable();
        SentenceTexts = [.. SentenceOrder.Select(r => Sentence(r))];
        Windows = [.. SentenceOrder.Select(r => r.Sentence + 1 < Sentences[r.Paragraph - 1].Length ? Sentence(r) + " " + Sentences[r.Paragraph - 1][r.Sentence + 1] : Sentence(r))];
        Vocabulary = new Vocabulary([article.Title, .. article.Paragraphs]);
        NameTerms = article.Paragraphs.SelectMany(TextAnalyzer.Tokens).Where(t => (t.Capitalized && !t.SentenceStart) || t.Acronym).Select(t => t.Term).ToFrozenSet(StringComparer.Ordinal);
        ParagraphTerms = [.. article.Paragraphs.Select(p => TextAnalyzer.Terms(p).ToFrozenSet(StringComparer.Ordinal))];
        ParagraphIndex = new Bm25Index(article.Paragraphs.Select(p => (IReadOnlyList<string>)TextAnalyzer.Terms(p)));
        SentenceIndex = new Bm25Index(SentenceTexts.Select(s => (IReadOnlyList<string>)TextAnalyzer.Terms(s)));
    }

    public Article Article { get; }

    /// <summary>[paragraph - 1][sentence]: each an exact substring of its paragraph.</summary>
    public ImmutableArray<ImmutableArray<string>> Sentences { get; }

    /// <summary>Every sentence of the article in reading order.</summary>
    public ImmutableArray<SentenceRef> SentenceOrder { get; }

    /// <summary>Aligned with <see cref="SentenceOrder"/>.</summary>
    public ImmutableArray<string> SentenceTexts { get; }

    /// <summary>Aligned with <see cref="SentenceOrder"/>: the sentence and the next one of its paragraph.</summary>
    public ImmutableArray<string> Windows { get; }

    public Vocabulary Vocabulary { get; }

    /// <summary>The stemmed terms of the names the article uses: words capitalised mid-sentence, and acronyms.</summary>
    public FrozenSet<string> NameTerms { get; }

    /// <summary>[paragraph - 1]: the paragraph's stemmed terms.</summary>
    public ImmutableArray<FrozenSet<string>> ParagraphTerms { get; }

    public Bm25Index ParagraphIndex { get; }

    /// <summary>Aligned with <see cref="SentenceOrder"/>.</summary>
    public Bm25Index SentenceIndex { get; }

    public int ParagraphCount => Article.ParagraphCount;

    public string Sentence(SentenceRef at) => Sentences[at.Paragraph - 1][at.Sentence];
}

/// <summary>A sentence of an article: its 1-based paragraph and 0-based place in it.</summary>
public readonly record struct SentenceRef(int Paragraph, int Sentence);
