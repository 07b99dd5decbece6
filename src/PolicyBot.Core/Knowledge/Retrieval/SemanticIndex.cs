using System.Numerics;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>Embeddings of every <see cref="ArticleIndex.Units"/> entry, computed once (or read from the disk cache).</summary>
public sealed class SemanticIndex
{
    private const int BatchSize = 16;

    // Longer texts are encoded one at a time: padding a batch to its longest member and attention's quadratic cost
    // made a batch of ten paragraphs take twice as long as encoding them singly (measured: 927 ms vs 489 ms).
    private const int LongTextCharacters = 100;

    private SemanticIndex(ArticleIndex index, float[][] unitVectors, QuestionBank bank)
    {
        Index = index;
        UnitVectors = unitVectors;
        Bank = bank;
        var sentenceVectors = index.Article.Paragraphs.Select(_ => new List<float[]>()).ToArray();
        for (var i = 0; i < index.Units.Length; i++)
        {
            if (index.Units[i].Kind == UnitKind.Sentence)
            {
                sentenceVectors[index.Units[i].Paragraphs[0] - 1].Add(unitVectors[i]);
            }
        }

        SentenceVectors = sentenceVectors.Select(l => l.ToArray()).ToArray();
    }

    public ArticleIndex Index { get; }

    /// <summary>Aligned with <see cref="ArticleIndex.Units"/>.</summary>
    public float[][] UnitVectors { get; }

    /// <summary>[paragraph - 1][sentence], aligned with <see cref="ArticleIndex.Sentences"/>.</summary>
    public float[][][] SentenceVectors { get; }

    /// <summary>The article's labelled questions, embedded (empty when it has none).</summary>
    public QuestionBank Bank { get; }

    /// <param name="heldOut">Questions being measured, which the labelled questions must not answer (see <see cref="QuestionBank"/>).</param>
    public static SemanticIndex Build(
        ArticleIndex index, ITextEmbedder embedder, EmbeddingCache cache, CancellationToken cancellationToken, IReadOnlyList<string>? heldOut = null)
    {
        var batching = new BatchingEmbedder(embedder);
        var vectors = cache.GetOrCreate(batching, UnitTexts(index), cancellationToken);
        var labelled = index.Article.LabelledQuestions;
        var bank = labelled.IsEmpty
            ? QuestionBank.Empty
            : new QuestionBank(
                labelled,
                cache.GetOrCreate(batching, QuestionBank.Texts(index.Article), cancellationToken),
                heldOut is { Count: > 0 } ? batching.Embed(heldOut, cancellationToken) : null);
        return new SemanticIndex(index, vectors, bank);
    }

    /// <summary>The <see cref="EmbeddingCache"/> file that holds the embeddings of <paramref name="index"/>'s units.</summary>
    public static string CacheFileName(ArticleIndex index, string modelId) => EmbeddingCache.FileName(modelId, UnitTexts(index));

    /// <summary>The <see cref="EmbeddingCache"/> file that holds the embeddings of the article's labelled questions, if it has any.</summary>
    public static string? BankCacheFileName(Article article, string modelId) =>
        article.LabelledQuestions.IsEmpty ? null : EmbeddingCache.FileName(modelId, QuestionBank.Texts(article));

    private static string[] UnitTexts(ArticleIndex index) => [.. index.Units.Select(u => u.Text)];

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Similarity(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        }

        var dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    /// <summary>
    /// Encodes short texts of similar length together (so an alias is not padded to a paragraph's length) and long
    /// ones singly.
    /// </summary>
    private sealed class BatchingEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public string ModelId => inner.ModelId;

        public void EnsureLoaded() => inner.EnsureLoaded();

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            var result = new float[texts.Count][];
            var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();

            // Start-up work with no questions waiting yet: every core may help (each inference itself uses one thread).
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            var batches = order.Where(i => texts[i].Length < LongTextCharacters).Chunk(BatchSize)
                .Concat(order.Where(i => texts[i].Length >= LongTextCharacters).Select(i => new[] { i }));
            Parallel.ForEach(batches, parallel, batch =>
            {
                var vectors = inner.Embed(batch.Select(i => texts[i]).ToArray(), cancellationToken);
                for (var j = 0; j < batch.Length; j++)
                {
                    result[batch[j]] = vectors[j];
                }
            });

            return result;
        }
    }
}
