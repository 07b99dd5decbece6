namespace PolicyBot.Core.Knowledge.Evaluation;

/// <summary>
/// Scores an answerer on eval cases: an on-topic case is right when the answer is not declined and its primary (first)
/// citation is in the expected paragraphs; an off-topic case is right when declined. Every quote of every answer is
/// checked to appear verbatim in the paragraph it cites.
/// </summary>
public static class AnswerEvaluator
{
    public static async Task<EvalReport> EvaluateAsync(
        IAnswerer answerer, ArticleLibrary library, IEnumerable<EvalCase> cases, CancellationToken cancellationToken)
    {
        var outcomes = new List<EvalOutcome>();
        foreach (var evalCase in cases)
        {
            var answer = await answerer.AnswerAsync(evalCase.Question, evalCase.Article, cancellationToken).ConfigureAwait(false);
            outcomes.Add(new EvalOutcome(evalCase, answer, IsCorrect(evalCase, answer), CountFabricated(library, answer)));
        }

        return new EvalReport([.. outcomes]);
    }

    /// <summary>Quotes that are not verbatim substrings of the paragraph they cite (or cite a missing paragraph).</summary>
    public static int CountFabricated(ArticleLibrary library, Answer answer) =>
        answer.Citations.Count(c =>
            !library.TryGet(c.ArticleSlug, out var article)
            || !article.HasParagraph(c.Paragraph)
            || c.Quote.Length == 0
            || !article.Paragraph(c.Paragraph).Contains(c.Quote, StringComparison.Ordinal));

    private static bool IsCorrect(EvalCase evalCase, Answer answer)
    {
        if (!evalCase.OnTopic)
        {
            return answer.Declined;
        }

        if (answer.Declined || answer.Citations.Length == 0)
        {
            return false;
        }

        var primary = answer.Citations[0];
        return evalCase.Paragraphs.Contains(primary.Paragraph)
            && (evalCase.Article is null || string.Equals(evalCase.Article, primary.ArticleSlug, StringComparison.OrdinalIgnoreCase));
    }
}
