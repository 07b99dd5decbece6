using System.Collections.Immutable;
using System.Text.Json;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Reads <c>&lt;slug&gt;.questions.jsonl</c>: one <c>{"question": "...", "paragraphs": [n, ...]}</c> per line, the same
/// shape as the evaluation files, so a measured set can be added as it is. A bad line stops start-up with its number.
/// </summary>
public static class LabelledQuestionsParser
{
    public static ImmutableArray<LabelledQuestion> Parse(string text, int paragraphCount, string fileName)
    {
        var questions = ImmutableArray.CreateBuilder<LabelledQuestion>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            questions.Add(ParseLine(line, paragraphCount, $"{fileName}, line {lineNumber}"));
        }

        return questions.ToImmutable();
    }

    private static LabelledQuestion ParseLine(string line, int paragraphCount, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var question = root.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()!.Trim() : "";
            if (question.Length == 0)
            {
                throw new ArticleFormatException($"{where}: \"question\" must be a non-empty string.");
            }

            if (!root.TryGetProperty("paragraphs", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ArticleFormatException($"{where}: \"paragraphs\" must be a list of paragraph numbers ([] when the article does not cover it).");
            }

            var paragraphs = list.EnumerateArray()
                .Select(p => p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) && n >= 1 && n <= paragraphCount
                    ? n
                    : throw new ArticleFormatException($"{where}: paragraph {p.GetRawText()} is not between 1 and {paragraphCount}."))
                .Distinct()
                .ToImmutableArray();
            return new LabelledQuestion(question, paragraphs);
        }
        catch (JsonException ex)
        {
            throw new ArticleFormatException($"{where}: not a JSON object ({ex.Message}).");
        }
    }
}
