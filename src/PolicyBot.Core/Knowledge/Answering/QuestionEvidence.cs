using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// What the stages measure about one question against one article: per paragraph, how close each model puts it, how
/// much of the question's wording it holds, how well each telling question word finds a counterpart in it, and whether
/// it holds the kind of fact asked for. <see cref="AnswerFeatures"/> turns this into the learned models' inputs.
/// Every measure is relative to the question and the article, never to a particular article's words.
/// </summary>
public sealed partial class QuestionEvidence
{
    private QuestionEvidence(ArticleIndex index, QuestionEncoding question)
    {
        Index = index;
        Question = question;
        var text = index.Text;
        var paragraphs = text.ParagraphCount;

        Words = new ModelScores(index.Words, question.Words.Vector, text, paragraphs);
        Retrieval = index.Retrieval is { } vectors && question.Retrieval is { } vector ? new ModelScores(vectors, vector, text, paragraphs) : null;

        var terms = TextAnalyzer.Tokens(question.Text.Clean).Where(t => !TextAnalyzer.IsStopWord(t) && !StopWords.QuestionFraming.Contains(t.Surface)).ToArray();
        ContentTerms = [.. terms.Select(t => t.Term).Distinct(StringComparer.Ordinal)];
        var weights = terms.Select(t => WordFrequencies.Rarity(t.Surface)).ToArray();
        var totalWeight = weights.Sum();
        Uncovered = [.. terms.Where(t => !text.Vocabulary.Terms.Contains(t.Term)).Select(t => WordFrequencies.Rarity(t.Surface))];
        var unknown = TextAnalyzer.Tokens(question.Text.Original)
            .Where(t => t.Capitalized && !t.SentenceStart && !text.Vocabulary.Terms.Contains(t.Term) && !text.Vocabulary.Contains(t.Surface) && WordFrequencies.Rarity(t.Surface) >= NameRarity)
            .Select(t => t.Surface)
            .FirstOrDefault();
        UnknownName = unknown is null ? null
            : CapitalizedRun().Matches(question.Text.Original)
                .Select(m => string.Join(' ', m.Value.Split(' ').SkipWhile(w => StopWords.English.Contains(w.ToLowerInvariant()))))
                .FirstOrDefault(run => run.Contains(unknown, StringComparison.OrdinalIgnoreCase)) ?? unknown;
        UncoveredShare = totalWeight > 0 ? Uncovered.Sum() / totalWeight : 0;
        KnownNames = ContentTerms.Count(text.NameTerms.Contains);

        ParagraphBm25 = text.ParagraphIndex.Score(ContentTerms);
        var sentenceBm25 = text.SentenceIndex.Score(ContentTerms);
        SentenceBm25 = PerParagraph(text, sentenceBm25, double.MinValue, Math.Max, fallback: 0);
        Cover = new double[paragraphs];
        for (var p = 0; p < paragraphs; p++)
        {
            for (var i = 0; i < terms.Length; i++)
            {
                Cover[p] += text.ParagraphTerms[p].Contains(terms[i].Term) ? weights[i] : 0;
            }

            Cover[p] = totalWeight > 0 ? Cover[p] / totalWeight : 0;
        }

        var (salientIndex, salientWords, salientRarity) = Salient(question.Words);
        (SalientWords, SalientRarity) = (salientWords, salientRarity);
        SalientVectors = [.. salientIndex.Select(i => question.Words.WordVectors[i])];
        Grounding = new double[SalientWords.Length][];
        for (var w = 0; w < SalientWords.Length; w++)
        {
            Grounding[w] = new double[paragraphs];
            for (var p = 0; p < paragraphs; p++)
            {
                Grounding[w][p] = Vectors.BestSimilarity(SalientVectors[w], index.Words.Paragraphs[p].WordVectors);
            }
        }

        var rarity = SalientRarity.Sum();
        WordMatch = new double[paragraphs];
        WordMatchMin = new double[paragraphs];
        for (var p = 0; p < paragraphs; p++)
        {
            WordMatch[p] = rarity > 0 ? Enumerable.Range(0, SalientWords.Length).Sum(w => SalientRarity[w] * Grounding[w][p]) / rarity : 0;
            WordMatchMin[p] = SalientWords.Length > 0 ? Grounding.Min(g => g[p]) : 0;
        }

        Kind = FactKinds.Of(question.Text.Original);
        KindHolds = [.. index.Article.Paragraphs.Select(p => FactKinds.Holds(Kind, p, question.Text.Original))];

        // How close each sentence is, by every model used: what the quote and the focus sentence are chosen by.
        SentenceCloseness = new double[text.SentenceOrder.Length];
        for (var k = 0; k < SentenceCloseness.Length; k++)
        {
            SentenceCloseness[k] = Words.Sentences[k] + (Retrieval?.Sentences[k] ?? 0) + (0.5 * (sentenceBm25[k] / Math.Max(1, sentenceBm25.Max())));
        }
    }

    public ArticleIndex Index { get; }

    public QuestionEncoding Question { get; }

    public ModelScores Words { get; }

    public ModelScores? Retrieval { get; }

    /// <summary>The question mapped by a <see cref="QuestionAdapter"/> against the article's MiniLM vectors (<see cref="Adapt"/>).</summary>
    public ModelScores? Adapted { get; private set; }

    /// <summary>The adapter's <see cref="QuestionAdapter.NullScore"/>: what <see cref="Adapted"/> must beat to answer.</summary>
    public double AdaptedNullScore { get; private set; }

    /// <summary>
    /// Measures the question as <paramref name="adapter"/> maps it. Set after gathering because the adapter belongs to
    /// the models in use: while training, each example is measured by an adapter not trained on its article.
    /// </summary>
    public void Adapt(QuestionAdapter adapter) => Adapt(adapter.Apply(Question.Words.Vector), adapter.NullScore);

    /// <summary>Measures the question by a vector read for answers (<see cref="QuestionTuning"/>) and its null score.</summary>
    public void Adapt(float[] question, double nullScore)
    {
        Adapted = new ModelScores(Index.Words, question, Index.Text, Index.Text.ParagraphCount);
        AdaptedNullScore = nullScore;
    }

    /// <summary>The question's stemmed content words (no function or framing words).</summary>
    public string[] ContentTerms { get; }

    /// <summary>The rarity of each content word the article never uses.</summary>
    public double[] Uncovered { get; }

    /// <summary>A name in the question the article never mentions (capitalised mid-sentence, rare in everyday English), if any.</summary>
    public string? UnknownName { get; }

    // A word at least this rare (about once in 8,000 everyday words) names something.
    private const double NameRarity = 9;

    /// <summary>The share of the content words' rarity the article lacks.</summary>
    public double UncoveredShare { get; }

    /// <summary>[paragraph - 1]: BM25 of the paragraph; of its best sentence; the share of the question's rarity-weighted words it holds.</summary>
    public double[] ParagraphBm25 { get; }

    public double[] SentenceBm25 { get; }

    public double[] Cover { get; }

    /// <summary>The telling words of the question as the word model splits them, and how rare each is.</summary>
    public string[] SalientWords { get; }

    public double[] SalientRarity { get; }

    /// <summary>Aligned with <see cref="SalientWords"/>: each word's vector in the question's context.</summary>
    public float[][] SalientVectors { get; }

    /// <summary>[word][paragraph - 1]: the word's best similarity to any word of the paragraph, in context.</summary>
    public double[][] Grounding { get; }

    /// <summary>[paragraph - 1]: rarity-weighted mean of the grounding of the question's words; its weakest word.</summary>
    public double[] WordMatch { get; }

    public double[] WordMatchMin { get; }

    public FactKind Kind { get; }

    /// <summary>[paragraph - 1]: holds a fact of <see cref="Kind"/> the question does not already state.</summary>
    public bool[] KindHolds { get; }

    /// <summary>Aligned with <see cref="ArticleText.SentenceOrder"/>: how close each sentence is by every measure.</summary>
    public double[] SentenceCloseness { get; }

    public static QuestionEvidence Gather(ArticleIndex index, QuestionEncoding question) => new(index, question);

    /// <summary>The best two sentences of <paramref name="paragraph"/> by <see cref="SentenceCloseness"/>.</summary>
    public IEnumerable<SentenceRef> FocusSentences(int paragraph) =>
        Enumerable.Range(0, Index.Text.SentenceOrder.Length)
            .Where(k => Index.Text.SentenceOrder[k].Paragraph == paragraph)
            .OrderByDescending(k => SentenceCloseness[k])
            .Take(2)
            .Select(k => Index.Text.SentenceOrder[k]);

    /// <summary>
    /// How well each telling question word finds a counterpart in the sentences of <paramref name="paragraph"/> that best
    /// match the question: a question one detail beyond the passage ("which judge", "how many members") leaves a word
    /// without one, however close the passage is overall.
    /// </summary>
    public double[] FocusGrounding(int paragraph)
    {
        var focus = FocusSentences(paragraph).Select(s => Index.Words.Sentences[Index.Text.SentenceOrder.IndexOf(s)].WordVectors).ToArray();
        return [.. SalientVectors.Select(word => focus.Length == 0 ? 0 : focus.Max(sentence => (double)Vectors.BestSimilarity(word, sentence)))];
    }

    /// <summary>
    /// How many of the question's words are names the article uses, however the question spells their case: words that
    /// match because they name the same people and places say less about whether the passage answers.
    /// </summary>
    public int KnownNames { get; }

    /// <summary>Whether the sentences that best match the question in <paramref name="paragraph"/> hold the kind of fact asked for.</summary>
    public bool FocusHoldsKind(int paragraph) =>
        FocusSentences(paragraph).Any(s => FactKinds.Holds(Kind, Index.Text.Sentence(s), Question.Text.Original));

    // Words of a letter or two, function words and framing say nothing about the topic.
    private static (int[] Indexes, string[] Words, double[] Rarity) Salient(EncodedText encoded)
    {
        var indexes = Enumerable.Range(0, encoded.Words.Length)
            .Where(i => encoded.Words[i].Length > 1 && !StopWords.English.Contains(encoded.Words[i]) && !StopWords.QuestionFraming.Contains(encoded.Words[i]))
            .ToArray();
        return (indexes, [.. indexes.Select(i => encoded.Words[i])], [.. indexes.Select(i => WordFrequencies.Rarity(encoded.Words[i]))]);
    }

    private static double[] PerParagraph(ArticleText text, double[] perSentence, double seed, Func<double, double, double> combine, double fallback)
    {
        var result = Enumerable.Repeat(seed, text.ParagraphCount).ToArray();
        for (var k = 0; k < perSentence.Length; k++)
        {
            var p = text.SentenceOrder[k].Paragraph - 1;
            result[p] = combine(result[p], perSentence[k]);
        }

        return [.. result.Select(v => v == seed ? fallback : v)];
    }

    // A name as written: capitalised words in a row ("Angela Merkel").
    [System.Text.RegularExpressions.GeneratedRegex(@"\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*)*", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CapitalizedRun();

    /// <summary>One model's similarities: question to each paragraph, and per paragraph its best sentence, best window and best two sentences' mean.</summary>
    public sealed class ModelScores
    {
        public ModelScores(ArticleVectors vectors, float[] question, ArticleText text, int paragraphs)
        {
            Paragraph = [.. vectors.Paragraphs.Select(p => (double)Vectors.Similarity(question, p.Vector))];
            Sentences = [.. vectors.Sentences.Select(s => (double)Vectors.Similarity(question, s.Vector))];
            var windows = vectors.Windows.Select(s => (double)Vectors.Similarity(question, s)).ToArray();
            BestSentence = PerParagraph(text, Sentences, double.MinValue, Math.Max, fallback: -1);
            BestWindow = PerParagraph(text, windows, double.MinValue, Math.Max, fallback: -1);
            BestTwo = new double[paragraphs];
            for (var p = 0; p < paragraphs; p++)
            {
                var own = Enumerable.Range(0, Sentences.Length).Where(k => text.SentenceOrder[k].Paragraph == p + 1).Select(k => Sentences[k]).OrderDescending().Take(2).ToArray();
                BestTwo[p] = own.Length == 0 ? -1 : own.Average();
            }
        }

        public double[] Paragraph { get; }

        /// <summary>Aligned with <see cref="ArticleText.SentenceOrder"/>.</summary>
        public double[] Sentences { get; }

        public double[] BestSentence { get; }

        public double[] BestWindow { get; }

        public double[] BestTwo { get; }
    }
}
