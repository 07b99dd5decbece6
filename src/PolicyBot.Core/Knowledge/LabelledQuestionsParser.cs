using System.Collections.Immutable;
using System.Text.Json;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Reads <c>&lt;slug&gt;.questions.jsonl</c>: one <c>{"question": "...", "paragraphs": [n, ...]}</c> per line, the same
/// shape as the evaluation files, so a measured set can be added as it is (an <c>"article"</c> field, if any, must name
/// this article). A bad line stops start-up with its number.
/// </summary>
public static class LabelledQuestionsParser
{
    public static ImmutableArray<LabelledQuestion> Parse(string text, string slug, int paragraphCount, string fileName)
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

            questions.Add(ParseLine(line, slug, paragraphCount, $"{fileName}, line {lineNumber}"));
        }

        return questions.ToImmutable();
    }

    private static LabelledQuestion ParseLine(string line, string slug, int paragraphCount, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleFormatException($"{where}: not a JSON object.");
            }

            if (root.TryGetProperty("article", out var article) && !string.Equals(article.ToString(), slug, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArticleFormatException($"{where}: \"article\" is {article.GetRawText()}, but this file labels questions about '{slug}'.");
            }
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
                .Select(p => p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n)
                    ? (n >= 1 && n <= paragraphCount ? n : throw new ArticleFormatException($"{where}: paragraph {n} is not between 1 and {paragraphCount}."))
                    : throw new ArticleFormatException($"{where}: {p.GetRawText()} is not a paragraph number (a whole number from 1 to {paragraphCount})."))
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
