using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>One model's encodings of an article's paragraphs, sentences and two-sentence windows.</summary>
/// <param name="Paragraphs">[paragraph - 1]; with word vectors when encoded by the <see cref="Encoders.Words"/> model.</param>
/// <param name="Sentences">Aligned with <see cref="ArticleText.SentenceOrder"/>; with word vectors like the paragraphs.</param>
/// <param name="Windows">Aligned with <see cref="ArticleText.Windows"/>.</param>
public sealed record ArticleVectors(EncodedText[] Paragraphs, EncodedText[] Sentences, float[][] Windows)
{
    public static ArticleVectors Encode(ArticleText text, ITextEmbedder model, bool withWords, EmbeddingCache cache, CancellationToken cancellationToken) => new(
        cache.GetOrCreate(model, text.Article.Paragraphs, asQuery: false, withWords, cancellationToken),
        cache.GetOrCreate(model, text.SentenceTexts, asQuery: false, withWords, cancellationToken),
        [.. cache.GetOrCreate(model, text.Windows, asQuery: false, withWords: false, cancellationToken).Select(e => e.Vector)]);

    /// <summary>The cache files these encodings are kept in, for <see cref="ShippedEmbeddings"/>.</summary>
    public static IEnumerable<string> CacheFiles(ArticleText text, ITextEmbedder model, bool withWords) =>
    [
        EmbeddingCache.FileName(model, text.Article.Paragraphs, asQuery: false, withWords),
        EmbeddingCache.FileName(model, text.SentenceTexts, asQuery: false, withWords),
        EmbeddingCache.FileName(model, text.Windows, asQuery: false, withWords: false),
    ];
}
