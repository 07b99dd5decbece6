using System.Collections.Immutable;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Knowledge;

/// <summary>The evidence behind an answer or a decline; the eval prints it, nothing else depends on it.</summary>
/// <param name="Coverage">Share of the question's content words and names the article knows.</param>
/// <param name="Semantic">Best cosine similarity between the question and any indexed unit (0 when not computed).</param>
/// <param name="Lexical">Lexical evidence (0..1) for the top paragraph: BM25 and word overlap relative to the question.</param>
/// <param name="Reason">Why it was declined, or "answered".</param>
public sealed record AnswerSignals(double Coverage, double Semantic, double Lexical, string Reason)
{
    /// <summary>The best-scoring paragraphs with their evidence, best first: what <c>ask-eval</c> prints for a miss.</summary>
    public ImmutableArray<Retrieval.ParagraphEvidence> Candidates { get; init; } = [];
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
