namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// Why one paragraph might answer a question: four semantic views (its best sentence, the whole paragraph, the curated
/// position it belongs to, and that position's example questions) and three lexical ones (BM25 of the paragraph and
/// of the position, each relative to what the question could score at best, and the best sentence's share of the
/// question's words). Blending views keeps one noisy match, such as a short alias that shares a name with the
/// question, from deciding alone; the curated position weighs more than the paragraph's own text, since matching
/// questions is what it was written for.
/// </summary>
public sealed record ParagraphEvidence(
    int Paragraph,
    Position? Position,
    double SentenceSimilarity,
    double ParagraphSimilarity,
    double PositionSimilarity,
    double SentenceLexical,
    double ParagraphLexical,
    double PositionLexical)
{
    /// <summary>Best similarity to one of the position's example questions (question to question).</summary>
    public double QuestionSimilarity { get; init; }

    /// <summary>Whether the paragraph's position has example questions at all (a similarity of 0 is still a score).</summary>
    public bool HasExampleQuestions { get; init; }

    // How much meaning weighs against words.
    public const double SemanticWeight = 0.8;

    // Question-to-question similarity runs higher than question-to-passage: an example question must be a closer
    // match to count as much in the decline rule.
    public const double ExampleQuestionDiscount = 0.8;

    /// <summary>
    /// Question-to-question matching is the sharpest view MiniLM gives, so the position's example questions weigh half
    /// (without any, the other views share that half in proportion); the summary and aliases a quarter; the paragraph's own best
    /// sentence and whole text an eighth each. Weights chosen by leaving one question set out at a time: every set
    /// left out scored as well or better than with four equal views, but one (2 of 72 worse).
    /// </summary>
    public double Semantic => HasExampleQuestions
        ? (0.125 * SentenceSimilarity) + (0.125 * ParagraphSimilarity) + (0.25 * PositionSimilarity) + (0.5 * QuestionSimilarity)
        : (0.25 * SentenceSimilarity) + (0.25 * ParagraphSimilarity) + (0.5 * PositionSimilarity); // the others share its half

    /// <summary>The position's BM25 (summary, aliases and example words) weighs as much as the paragraph's two views together.</summary>
    public double Lexical => (0.25 * SentenceLexical) + (0.25 * ParagraphLexical) + (0.5 * PositionLexical);

    /// <summary>The strongest single semantic match: what the decline rule asks of a question.</summary>
    public double BestSimilarity => Math.Max(
        Math.Max(SentenceSimilarity, ParagraphSimilarity),
        Math.Max(PositionSimilarity, ExampleQuestionDiscount * QuestionSimilarity));

    // How much naming the acting side ("what could Pyongyang do") moves a position about that side's moves.
    public const double ActorWeight = 0.05;

    /// <summary>+1 when the paragraph's position is about what the question's actor could do, -1 when about the other side, else 0.</summary>
    public int ActorAgreement { get; init; }

    // How much a question about the author's view ("does she welcome the talks?") moves the author's own positions
    // ahead of what the article reports others saying. Weights from 0.08 to 0.12 gave the same answers on every set
    // (0.02 to 0.05 missed one more: "Is the author against resuming working-level negotiations?").
    public const double StanceWeight = 0.08;

    /// <summary>+1 when the question asks the author's view and the author holds the paragraph's position, -1 when someone else does.</summary>
    public int StanceAgreement { get; init; }

    public double Score => (SemanticWeight * Semantic) + ((1 - SemanticWeight) * Lexical) + (ActorWeight * ActorAgreement) + (StanceWeight * StanceAgreement);
}
