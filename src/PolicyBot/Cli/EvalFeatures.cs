using System.Text.Json;
using PolicyBot.Core.Knowledge.Evaluation;

namespace PolicyBot.Cli;

/// <summary>
/// Writes each evaluated question with every paragraph's retrieval evidence, one JSON object per line, so scoring and
/// decline rules can be studied offline against labelled questions instead of by rebuilding and rerunning.
/// </summary>
public static class EvalFeatures
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static async Task WriteAsync(EvalReport report, string path, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path);
        foreach (var outcome in report.Outcomes)
        {
            var signals = outcome.Answer.Signals;
            var line = JsonSerializer.Serialize(
                new
                {
                    question = outcome.Case.Question,
                    expected = outcome.Case.Paragraphs,
                    correct = outcome.Correct,
                    declined = outcome.Answer.Declined,
                    reason = signals.Reason,
                    coverage = signals.Coverage,
                    candidates = signals.Candidates.Select(c => new
                    {
                        paragraph = c.Paragraph,
                        sentence = c.SentenceSimilarity,
                        whole = c.ParagraphSimilarity,
                        position = c.PositionSimilarity,
                        example = c.QuestionSimilarity,
                        sentenceLexical = c.SentenceLexical,
                        paragraphLexical = c.ParagraphLexical,
                        positionLexical = c.PositionLexical,
                        actor = c.ActorAgreement,
                    }),
                },
                Options);
            await writer.WriteLineAsync(line.AsMemory(), ct).ConfigureAwait(false);
        }
    }
}
