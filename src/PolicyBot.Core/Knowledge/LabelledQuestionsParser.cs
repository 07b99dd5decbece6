using System.Collections.Immutable;
using System.Text.Json;
using PolicyBot.Core.Knowledge.Evaluation;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// Reads <c>&lt;slug&gt;.questions.jsonl</c>: one <c>{"question": "...", "paragraphs": [n, ...]}</c> per line, the same
/// shape as the evaluation files (<see cref="EvalCase"/> reads each line), so a measured set can be added as it is (an
/// <c>"article"</c> field, if any, must name this article). A bad line stops start-up with its number.
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
        EvalCase parsed;
        try
        {
            parsed = EvalCase.ParseLine(line);
        }
        catch (JsonException ex)
        {
            throw new ArticleFormatException($"{where}: not a labelled question ({ex.Message}).");
        }

        if (parsed.Article is { } article && !string.Equals(article, slug, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArticleFormatException($"{where}: \"article\" is '{article}', but this file labels questions about '{slug}'.");
        }

        if (string.IsNullOrWhiteSpace(parsed.Question))
        {
            throw new ArticleFormatException($"{where}: \"question\" must be a non-empty string.");
        }

        if (parsed.Paragraphs.IsDefault)
        {
            throw new ArticleFormatException($"{where}: \"paragraphs\" must be a list of paragraph numbers ([] when the article does not cover it).");
        }

        foreach (var paragraph in parsed.Paragraphs.Where(n => n < 1 || n > paragraphCount))
        {
            throw new ArticleFormatException($"{where}: paragraph {paragraph} is not between 1 and {paragraphCount}.");
        }

        return new LabelledQuestion(parsed.Question.Trim(), parsed.Paragraphs);
    }
}
