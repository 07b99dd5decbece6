using System.Collections.Immutable;
using System.Text.Json;

namespace PolicyBot.Core.Knowledge.Generation;

/// <summary>The model's reply in the fixed shape <c>{"covered": b, "answer": s, "paragraphs": [n]}</c>.</summary>
public sealed record ModelReply(bool Covered, string Answer, ImmutableArray<int> Paragraphs)
{
    private const int MaxParagraphNumbers = 20;

    /// <summary>
    /// The reply, or null when it is not that shape. A Markdown code fence around the object is tolerated (local models
    /// add one); anything else around it, a missing or mistyped field, or a fractional paragraph number is not.
    /// </summary>
    public static ModelReply? TryParse(string? text)
    {
        var json = Unfenced(text);
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("covered", out var covered) || covered.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }

            var answer = root.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : null;
            var numbers = new List<int>();
            if (root.TryGetProperty("paragraphs", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxParagraphNumbers)
                {
                    return null;
                }

                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number))
                    {
                        return null;
                    }

                    numbers.Add(number);
                }
            }

            if (covered.GetBoolean() && string.IsNullOrWhiteSpace(answer))
            {
                return null;
            }

            return new ModelReply(covered.GetBoolean(), answer?.Trim() ?? string.Empty, [.. numbers.Distinct()]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Unfenced(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.StartsWith("```", StringComparison.Ordinal) && trimmed.EndsWith("```", StringComparison.Ordinal) && trimmed.Length > 6)
        {
            var body = trimmed[3..^3];
            var newline = body.IndexOf('\n', StringComparison.Ordinal);
            trimmed = (newline >= 0 && body[..newline].Trim() is "" or "json" ? body[(newline + 1)..] : body).Trim();
        }

        return trimmed;
    }
}
