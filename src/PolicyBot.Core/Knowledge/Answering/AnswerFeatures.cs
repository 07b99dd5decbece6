using System.Collections.Immutable;
using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// The learned models' inputs, computed from <see cref="QuestionEvidence"/>: one row per paragraph for the ranker, one
/// row per question for the answerability model. The layout is fixed, whatever stages run: a stage that is off
/// contributes zeros, so a model trained without it ignores them. The names travel with a trained model and must
/// match these lists exactly (<see cref="AnswerModels"/> refuses a model that does not).
/// </summary>
public static class AnswerFeatures
{
    /// <summary>
    /// Per paragraph. Each measure comes as its value and as its gap to the best paragraph's value ("-gap"): the ranker
    /// compares paragraphs of one article, whose absolute similarities vary from article to article.
    /// </summary>
    public static ImmutableArray<string> ParagraphNames { get; } =
    [
        .. Pair("adapted.sentence"), .. Pair("adapted.window"),
        .. Pair("retrieval.paragraph"), .. Pair("retrieval.sentence"), .. Pair("retrieval.window"), .. Pair("retrieval.best-two"),
        .. Pair("lexical.bm25"), .. Pair("lexical.bm25-sentence"), .. Pair("lexical.cover"),
        .. Pair("words.match"), .. Pair("words.weakest"),
        "fact.holds", "place.first", "place.last",
    ];

    /// <summary>Per question, about the article as a whole and about the paragraph the ranker put first.</summary>
    public static ImmutableArray<string> AnswerabilityNames { get; } =
    [
        "retrieval.best-sentence", "retrieval.best-paragraph",
        "adapted.best-sentence", "adapted.top-sentence", "adapted.spread",
        "lexical.best-cover", "lexical.best-bm25", "lexical.content-words", "lexical.uncovered-words", "lexical.uncovered-share",
        "lexical.rarest-uncovered", "lexical.rare-uncovered-words", "lexical.unknown-name",
        "words.weakest-in-article", "words.mean-in-article", "words.below-0.6", "words.below-0.7",
        "fact.kind", "fact.top-holds", "fact.focus-holds",
        "ranker.top-score", "ranker.margin",
        "top.retrieval-sentence", "top.cover", "top.bm25-sentence", "top.words-match", "top.words-weakest",
        "top.words-below-0.6", "top.words-below-0.7",
        "focus.words-weakest", "focus.words-mean", "focus.words-below-0.6", "focus.words-below-0.7", "focus.weakest-rarity",
        "scope.outcome", "scope.present",
        "question.known-names",
    ];

    public static double[][] Paragraphs(QuestionEvidence e, AnswerStages stages)
    {
        var count = e.Index.Text.ParagraphCount;
        var columns = new List<double[]?>
        {
            On(AnswerStages.QuestionAdapter, e.Adapted?.BestSentence), On(AnswerStages.QuestionAdapter, e.Adapted?.BestWindow),
            On(AnswerStages.RetrievalModel, e.Retrieval?.Paragraph), On(AnswerStages.RetrievalModel, e.Retrieval?.BestSentence),
            On(AnswerStages.RetrievalModel, e.Retrieval?.BestWindow), On(AnswerStages.RetrievalModel, e.Retrieval?.BestTwo),
            On(AnswerStages.Lexical, e.ParagraphBm25), On(AnswerStages.Lexical, e.SentenceBm25), On(AnswerStages.Lexical, e.Cover),
            On(AnswerStages.WordMatch, e.WordMatch), On(AnswerStages.WordMatch, e.WordMatchMin),
        };

        var rows = new double[count][];
        for (var p = 0; p < count; p++)
        {
            var row = new List<double>(ParagraphNames.Length);
            foreach (var column in columns)
            {
                row.Add(column?[p] ?? 0);
                row.Add(column is null ? 0 : column[p] - column.Max());
            }

            row.Add(stages.HasFlag(AnswerStages.FactKind) && e.Kind != FactKind.Any ? (e.KindHolds[p] ? 1 : -1) : 0);
            row.Add(p == 0 ? 1 : 0);
            row.Add(p == count - 1 ? 1 : 0);
            rows[p] = [.. row];
        }

        return rows;

        double[]? On(AnswerStages stage, double[]? values) => stages.HasFlag(stage) ? values : null;
    }

    /// <param name="top">The paragraph the ranker put first (1-based), with its score and its lead over the second.</param>
    public static double[] Answerability(QuestionEvidence e, AnswerStages stages, int top, double topScore, double margin)
    {
        var t = top - 1;
        var retrieval = stages.HasFlag(AnswerStages.RetrievalModel) && e.Retrieval is not null;
        var adapted = stages.HasFlag(AnswerStages.QuestionAdapter) ? e.Adapted : null;
        var lexical = stages.HasFlag(AnswerStages.Lexical);
        var words = stages.HasFlag(AnswerStages.WordMatch) && e.SalientWords.Length > 0;
        var fact = stages.HasFlag(AnswerStages.FactKind) && e.Kind != FactKind.Any;
        var inArticle = words ? e.Grounding.Select(g => g.Max()).ToArray() : [];
        var atTop = words ? e.Grounding.Select(g => g[t]).ToArray() : [];
        var focus = words ? e.FocusGrounding(top) : [];
        var weakest = words ? Array.IndexOf(focus, focus.Min()) : -1;
        var scope = stages.HasFlag(AnswerStages.FactKind);
        return
        [
            retrieval ? e.Retrieval!.BestSentence.Max() : 0, retrieval ? e.Retrieval!.Paragraph.Max() : 0,
            adapted is null ? 0 : adapted.BestSentence.Max() - e.AdaptedNullScore, adapted is null ? 0 : adapted.BestSentence[t] - e.AdaptedNullScore,
            adapted is null ? 0 : adapted.Sentences.Max() - adapted.Sentences.Average(),
            lexical ? e.Cover.Max() : 0, lexical ? e.ParagraphBm25.Max() : 0, lexical ? e.ContentTerms.Length : 0,
            lexical ? e.Uncovered.Length : 0, lexical ? e.UncoveredShare : 0, lexical && e.Uncovered.Length > 0 ? e.Uncovered.Max() : 0,
            lexical ? e.Uncovered.Count(r => r > RareWord) : 0, lexical && e.UnknownName is not null ? 1 : 0,
            words ? inArticle.Min() : 0, words ? RarityWeighted(e, inArticle) : 0, inArticle.Count(g => g < 0.6), inArticle.Count(g => g < 0.7),
            fact ? (int)e.Kind : 0, fact ? (e.KindHolds[t] ? 1 : -1) : 0, fact ? (e.FocusHoldsKind(top) ? 1 : -1) : 0,
            topScore, margin,
            retrieval ? e.Retrieval!.BestSentence[t] : 0, lexical ? e.Cover[t] : 0, lexical ? e.SentenceBm25[t] : 0,
            words ? e.WordMatch[t] : 0, words ? e.WordMatchMin[t] : 0, atTop.Count(g => g < 0.6), atTop.Count(g => g < 0.7),
            words ? focus.Min() : 0, words ? RarityWeighted(e, focus) : 0, focus.Count(g => g < 0.6), focus.Count(g => g < 0.7), words ? e.SalientRarity[weakest] : 0,
            scope && QuestionScope.AsksOutcome(e.Question.Text.Original) ? 1 : 0, scope && QuestionScope.AsksPresent(e.Question.Text.Original) ? 1 : 0,
            lexical ? e.KnownNames : 0,
        ];
    }

    // A word at least this rare (about once in 8,000 everyday words) names something.
    private const double RareWord = 9;

    private static double RarityWeighted(QuestionEvidence e, double[] values)
    {
        var total = e.SalientRarity.Sum();
        return total > 0 ? values.Select((v, i) => v * e.SalientRarity[i]).Sum() / total : 0;
    }

    private static IEnumerable<string> Pair(string name) => [name, name + "-gap"];
}
