namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// When the evidence is too weak to answer. Three independent signals, none of them tied to a particular article:
/// <list type="bullet">
/// <item>a name in the question that the article never mentions (Iran, NATO, Obama): the article cannot be about it;</item>
/// <item>coverage: the share of the question's content words found in the article, its positions' summaries and aliases;</item>
/// <item>semantic similarity: the more of the question's words the article lacks, the closer in meaning it must be.</item>
/// </list>
/// </summary>
public sealed record DeclinePolicy
{
    public static DeclinePolicy Default { get; } = new();

    /// <summary>Similarity needed when every content word of the question is in the article.</summary>
    public double FullCoverageSimilarity { get; init; } = 0.30;

    /// <summary>Similarity needed when none is: only a near-paraphrase passes. In between, the bar falls linearly.</summary>
    public double NoCoverageSimilarity { get; init; } = 0.75;

    /// <summary>
    /// How far a sentence holding all of the question's words lowers the bar: "what does achievable mean here?" is
    /// semantically vague but lexically exact. Scaled by coverage, so it never helps a question about something absent.
    /// </summary>
    public double LexicalRelief { get; init; } = 0.1;

    /// <summary>The similarity a question must reach at <paramref name="coverage"/>, given its best sentence's word share.</summary>
    public double RequiredSimilarity(double coverage, double sentenceLexical = 0) =>
        NoCoverageSimilarity - ((NoCoverageSimilarity - FullCoverageSimilarity) * Math.Clamp(coverage, 0, 1))
        - (LexicalRelief * Math.Clamp(sentenceLexical, 0, 1) * Math.Clamp(coverage, 0, 1));

    /// <summary>A reason to decline that a member can read ("the article never mentions 'Iran'"), if the words give one.</summary>
    public static string? Explain(QuestionAnalysis question) =>
        question.UnknownNames.FirstOrDefault() is { } name ? $"the article never mentions '{Shorten(name.Shown)}'" : null;

    // A long capitalised run is cut, never inside a surrogate pair.
    private static string Shorten(string text)
    {
        if (text.Length <= 60)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[58]) ? 58 : 59;
        return text[..cut] + "…";
    }

    /// <summary>Null to answer, else the reason to decline.</summary>
    /// <param name="similarity">Best semantic similarity, or null when only the word checks can run.</param>
    /// <param name="sentenceLexical">Best sentence's share of the question's word weight.</param>
    public string? Evaluate(QuestionAnalysis question, double? similarity, double sentenceLexical = 0)
    {
        if (Explain(question) is { } explanation)
        {
            return explanation;
        }

        if (question.Units.Length > 0 && !question.HasKnownContent)
        {
            return "none of the question's words are in the article";
        }

        if (similarity is not { } s)
        {
            return null;
        }

        var needed = RequiredSimilarity(question.Coverage, sentenceLexical);
        return s >= needed ? null : $"similarity {s:F2} is below {needed:F2} at coverage {question.Coverage:P0}";
    }
}
