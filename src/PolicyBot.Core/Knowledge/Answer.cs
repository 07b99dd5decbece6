using System.Collections.Immutable;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge;

/// <summary>The evidence behind an answer or a decline; the eval prints it, nothing else depends on it.</summary>
/// <param name="Answerability">The answerability stage's probability that the article answers the question (1 when it did not run).</param>
/// <param name="Reason">Why it was declined, or how it was answered.</param>
public sealed record AnswerSignals(double Answerability, string Reason)
{
    /// <summary>The best-ranked paragraphs with their ranker scores, best first: what <c>ask-eval</c> prints for a miss.</summary>
    public ImmutableArray<(int Paragraph, double Score)> Candidates { get; init; } = [];
}

/// <summary>
/// The result of asking: either a grounded answer (a sentence in our words, verbatim quotes with paragraph numbers,
/// attribution) or a decline that lists what the article does cover.
/// </summary>
public sealed record Answer(
    string Question,
    bool Declined,
    string Summary,
    ImmutableArray<Citation> Citations,
    Article? Article,
    Position? Position,
    AnswerSignals Signals)
{
    /// <summary>
    /// How the question was read with the member's earlier one ("Following up “…”", "Read as “…”"), shown above the
    /// answer; null for a question read on its own.
    /// </summary>
    public string? ReadAs { get; init; }

    /// <summary>Attribution of the cited article, for <see cref="Reply.Footer"/>.</summary>
    public string? Attribution => Declined ? null : Article?.Attribution;

    /// <summary>The whole answer as plain text: summary, quoted lines with paragraph numbers, attribution.</summary>
    public string Text
    {
        get
        {
            if (Declined)
            {
                return Summary;
            }

            var lines = new List<string> { Summary };
            lines.AddRange(Citations.Select(c => $"> “{c.Quote}” (¶{c.Paragraph})"));
            if (Attribution is { } attribution)
            {
                lines.Add("— " + attribution);
            }

            return string.Join('\n', lines);
        }
    }
}
