using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.Core.Knowledge.Evaluation;

/// <summary>
/// One line of an eval file: <c>{"question": "...", "paragraphs": [5]}</c>; an empty list means off-topic (must be
/// declined). An optional <c>"article"</c> names the slug the paragraphs belong to.
/// </summary>
public sealed record EvalCase(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("paragraphs")] ImmutableArray<int> Paragraphs,
    [property: JsonPropertyName("article")] string? Article = null)
{
    public bool OnTopic => !Paragraphs.IsDefaultOrEmpty;

    public static async Task<IReadOnlyList<EvalCase>> ReadJsonLinesAsync(string path, CancellationToken cancellationToken)
    {
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var evalCase = ParseLine(line);
                cases.Add(evalCase with { Paragraphs = evalCase.Paragraphs.IsDefault ? [] : evalCase.Paragraphs });
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: not an eval case ({ex.Message}).", ex);
            }
        }

        return cases;
    }

    /// <summary>
    /// One line as written, or a <see cref="JsonException"/>. A missing <c>"paragraphs"</c> stays default and a missing
    /// <c>"question"</c> null, so each reader decides what they mean (labelled questions refuse both).
    /// </summary>
    public static EvalCase ParseLine(string line) =>
        JsonSerializer.Deserialize<EvalCase>(line) ?? throw new JsonException("null is not an object");
}
