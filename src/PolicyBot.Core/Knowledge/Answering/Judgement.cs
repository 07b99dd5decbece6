using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>What the stages concluded about a question and one article: the paragraphs best first, and whether to answer.</summary>
/// <param name="Ranking">Every paragraph (1-based) with its ranker score, best first.</param>
/// <param name="Cited">The paragraph the answer cites first (the ranker's first, or the labelled questions' choice).</param>
/// <param name="Answerability">The answerability stage's probability that the article answers the question.</param>
/// <param name="Reason">How the stages decided.</param>
public sealed record Judgement(
    QuestionEvidence Evidence,
    ImmutableArray<(int Paragraph, double Score)> Ranking,
    int Cited,
    double Answerability,
    bool Answered,
    bool Voted,
    string Reason);
