using System.Collections.Immutable;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// Everything the answerer knows about one article, built once when the article loads (or changes): its words
/// (<see cref="ArticleText"/>), each model's vectors of its passages, its labelled questions, and its positions
/// (curated in its positions file, else derived from its paragraphs by <see cref="PositionDeriver"/>).
/// </summary>
public sealed class ArticleIndex
{
    private ArticleIndex(ArticleText text, ArticleVectors words, ArticleVectors? retrieval, QuestionBank bank, ImmutableArray<Position> positions)
    {
        Text = text;
        Words = words;
        Retrieval = retrieval;
        Bank = bank;
        Positions = positions;
    }

    public Article Article => Text.Article;

    public ArticleText Text { get; }

    /// <summary>The <see cref="Encoders.Words"/> model's vectors, with word vectors for each paragraph.</summary>
    public ArticleVectors Words { get; }

    /// <summary>The <see cref="Encoders.Retrieval"/> model's vectors, when that model is used.</summary>
    public ArticleVectors? Retrieval { get; }

    public QuestionBank Bank { get; }

    /// <summary>The curated positions, or one derived per paragraph when the article has no positions file.</summary>
    public ImmutableArray<Position> Positions { get; }

    /// <summary>The position that speaks for <paramref name="paragraph"/>: the one whose main paragraph it is, else the first listing it.</summary>
    public Position? PositionFor(int paragraph) =>
        Positions.FirstOrDefault(p => p.Paragraphs[0] == paragraph) ?? Positions.FirstOrDefault(p => p.Paragraphs.Contains(paragraph));

    /// <param name="heldOut">Questions being measured, which the labelled questions must not answer (evaluations only).</param>
    public static ArticleIndex Build(
        Article article, Encoders encoders, EmbeddingCache cache, LabelledQuestionOptions bankOptions, CancellationToken cancellationToken,
        IReadOnlyList<string>? heldOut = null)
    {
        var text = new ArticleText(article);
        var words = ArticleVectors.Encode(text, encoders.Words, withWords: true, cache, cancellationToken);
        var retrieval = encoders.Retrieval is { } model ? ArticleVectors.Encode(text, model, withWords: false, cache, cancellationToken) : null;
        var labelled = QuestionBank.QuestionsOf(article);
        var bank = labelled.IsEmpty
            ? QuestionBank.Empty
            : new QuestionBank(
                labelled,
                [.. cache.GetOrCreate(encoders.Questions, BankTexts(article, text), asQuery: true, withWords: false, cancellationToken).Select(e => e.Vector)],
                bankOptions,
                heldOut is { Count: > 0 } ? [.. encoders.Questions.Encode(AsRead(heldOut, text), asQuery: true, withWords: false, cancellationToken).Select(e => e.Vector)] : null);
        var positions = article.Positions.IsEmpty ? PositionDeriver.Derive(text, words) : article.Positions;
        return new ArticleIndex(text, words, retrieval, bank, positions);
    }

    /// <summary>Every cache file an article's index reads, so they can ship beside it (<see cref="ShippedEmbeddings"/>).</summary>
    public static IEnumerable<string> CacheFiles(Article article, Encoders encoders)
    {
        var text = new ArticleText(article);
        foreach (var file in ArticleVectors.CacheFiles(text, encoders.Words, withWords: true))
        {
            yield return file;
        }

        if (encoders.Retrieval is { } model)
        {
            foreach (var file in ArticleVectors.CacheFiles(text, model, withWords: false))
            {
                yield return file;
            }
        }

        if (!QuestionBank.QuestionsOf(article).IsEmpty)
        {
            yield return EmbeddingCache.FileName(encoders.Questions, BankTexts(article, text), asQuery: true, withWords: false);
        }
    }

    // Labelled questions are read as a question is (QuestionReader): repaired, framing dropped, by the model that reads
    // questions; so one reading of a question meets them.
    private static string[] BankTexts(Article article, ArticleText text) => AsRead([.. QuestionBank.QuestionsOf(article).Select(q => q.Question)], text);

    // About 30 µs a question: the seed's 5,693 take 0.2 s on one core, so they are read on all of them.
    private static string[] AsRead(IReadOnlyList<string> questions, ArticleText text) =>
        [.. questions.AsParallel().AsOrdered().Select(q => QuestionText.Read(q, text.Vocabulary).Clean)];
}
