using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>An article loaded from <c>config/articles/&lt;slug&gt;.md</c>: front matter, paragraphs and curated positions.</summary>
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
    /// <summary>
    /// Groups of names the article uses for the same thing ("Pyongyang", "North Korea"), from the positions file:
    /// a question naming one is searched with all of them.
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> Synonyms { get; init; } = [];

    /// <summary>
    /// Who can act in the article's story ("United States", "North Korea") and the names a question may use for each
    /// ("Washington", "Kim"): a question asking what one side could do prefers positions whose <see cref="Position.Actor"/> is that side.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Actors { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Questions with known answers, from <c>&lt;slug&gt;.questions.jsonl</c> when present (<see cref="LabelledQuestion"/>).</summary>
    public ImmutableArray<LabelledQuestion> LabelledQuestions { get; init; } = [];

    public int ParagraphCount => Paragraphs.Length;

    /// <summary>The text of paragraph <paramref name="number"/> (1-based).</summary>
    public string Paragraph(int number) => Paragraphs[number - 1];

    public bool HasParagraph(int number) => number >= 1 && number <= Paragraphs.Length;

    /// <summary>"Title" — Author, Outlet: the footer of every answer.</summary>
    public string Attribution => $"“{Title}” — {Author}, {Outlet}";

    /// <summary>The position whose main paragraph is <paramref name="number"/>, else the first one that lists it.</summary>
    public Position? PositionFor(int number) =>
        Positions.FirstOrDefault(p => p.Paragraphs[0] == number) ?? Positions.FirstOrDefault(p => p.Paragraphs.Contains(number));
}
