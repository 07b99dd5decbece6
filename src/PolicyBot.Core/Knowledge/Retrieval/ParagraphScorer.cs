namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>Gathers <see cref="ParagraphEvidence"/> for every paragraph of an article.</summary>
public static class ParagraphScorer
{
    // Aliases are short and often share a name with the question; they speak a little less than a summary.
    private const double AliasWeight = 0.9;

    // A position's second and later paragraphs speak for it a little less than its main one.
    private const double SecondaryParagraphWeight = 0.8;

    /// <param name="similarities">Question similarity to each of <see cref="ArticleIndex.Units"/>, or null for words only.</param>
    public static ParagraphEvidence[] Score(ArticleIndex index, QuestionAnalysis question, double[]? similarities)
    {
        var article = index.Article;
        var count = article.ParagraphCount;
        var sentenceSimilarity = new double[count];
        var paragraphSimilarity = new double[count];
        var positionSimilarity = new double[count];
        var questionSimilarity = new double[count];

        if (similarities is not null)
        {
            for (var u = 0; u < index.Units.Length; u++)
            {
                var unit = index.Units[u];
                for (var k = 0; k < unit.Paragraphs.Length; k++)
                {
                    var p = unit.Paragraphs[k] - 1;
                    var s = similarities[u];
                    switch (unit.Kind)
                    {
                        case UnitKind.Sentence:
                            sentenceSimilarity[p] = Math.Max(sentenceSimilarity[p], s);
                            break;
                        case UnitKind.Paragraph:
                            paragraphSimilarity[p] = s;
                            break;
                        case UnitKind.Question:
                            questionSimilarity[p] = Math.Max(questionSimilarity[p], s * (k == 0 ? 1 : SecondaryParagraphWeight));
                            break;
                        default:
                            var weighted = s * (unit.Kind == UnitKind.Alias ? AliasWeight : 1) * (k == 0 ? 1 : SecondaryParagraphWeight);
                            positionSimilarity[p] = Math.Max(positionSimilarity[p], weighted);
                            break;
                    }
                }
            }
        }

        var queryTerms = question.QueryTerms;
        var paragraphBm25 = index.Paragraphs.Score(queryTerms);
        var positionBm25 = index.Positions.Score(queryTerms);
        var paragraphIdeal = IdealScore(question.IdealTerms, index.Paragraphs);
        var positionIdeal = IdealScore(question.IdealTerms, index.Positions);
        var positionLexical = new double[count];
        for (var i = 0; i < article.Positions.Length; i++)
        {
            var listed = article.Positions[i].Paragraphs;
            for (var k = 0; k < listed.Length; k++)
            {
                var p = listed[k] - 1;
                positionLexical[p] = Math.Max(positionLexical[p], positionBm25[i] / positionIdeal * (k == 0 ? 1 : SecondaryParagraphWeight));
            }
        }

        var evidence = new ParagraphEvidence[count];
        for (var p = 0; p < count; p++)
        {
            var hasPosition = index.ParagraphHasPosition[p];
            var paragraphLexical = Math.Min(1, paragraphBm25[p] / paragraphIdeal);
            var sentenceLexical = Enumerable.Range(0, index.Sentences[p].Length).Select(s => index.SentenceOverlap(queryTerms, p + 1, s, question.IdealTerms)).DefaultIfEmpty().Max();
            evidence[p] = new ParagraphEvidence(
                p + 1,
                article.PositionFor(p + 1),
                sentenceSimilarity[p],
                paragraphSimilarity[p],
                hasPosition ? positionSimilarity[p] : paragraphSimilarity[p],
                sentenceLexical,
                paragraphLexical,
                hasPosition ? Math.Min(1, positionLexical[p]) : paragraphLexical)
            {
                ActorAgreement = ActorAgreement(article.PositionFor(p + 1), question.Actor),
                StanceAgreement = question.AsksAuthorsView ? index.AuthorStance[p] : 0,
                QuestionSimilarity = questionSimilarity[p],
                HasExampleQuestions = similarities is not null && index.ParagraphHasExampleQuestions[p],
            };
        }

        return evidence;
    }

    // +1 when the paragraph's position is about the side the question names as acting, -1 when about the other side.
    private static int ActorAgreement(Position? position, string? actor) =>
        position?.Actor is not { } holder || actor is null ? 0
        : string.Equals(holder, actor, StringComparison.OrdinalIgnoreCase) ? 1 : -1;

    // What a paragraph containing every word of the question once would score: words the index lacks count at the
    // highest IDF, so a question about something absent never looks like a full match.
    public static double IdealScore(IEnumerable<string> queryTerms, Bm25Index bm25)
    {
        var ideal = queryTerms.Sum(bm25.IdfOrMissing);
        return ideal <= 0 ? 1 : ideal;
    }
}
