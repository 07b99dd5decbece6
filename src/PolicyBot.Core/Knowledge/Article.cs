using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// An article loaded from <c>config/articles/&lt;slug&gt;.md</c>: front matter and paragraphs, with its optional data files:
/// curated positions (<c>&lt;slug&gt;.positions.yaml</c>) and labelled questions (<c>&lt;slug&gt;.questions.jsonl</c>).
/// </summary>
public sealed record Article(
    string Slug,
    string Title,
    string Author,
    string Outlet,
    string? Published,
    ImmutableArray<string> Tags,
    ImmutableArray<string> Paragraphs,
    ImmutableArray<Position> Positions)
{
    /// <summary>Questions with known answers, from <c>&lt;slug&gt;.questions.jsonl</c> when present (<see cref="LabelledQuestion"/>).</summary>
    public ImmutableArray<LabelledQuestion> LabelledQuestions { get; init; } = [];

    public int ParagraphCount => Paragraphs.Length;

    /// <summary>The text of paragraph <paramref name="number"/> (1-based).</summary>
    public string Paragraph(int number) => Paragraphs[number - 1];

    public bool HasParagraph(int number) => number >= 1 && number <= Paragraphs.Length;

    /// <summary>"Title" — Author, Outlet: the footer of every answer.</summary>
    public string Attribution => $"“{Title}” — {Author}, {Outlet}";
}
