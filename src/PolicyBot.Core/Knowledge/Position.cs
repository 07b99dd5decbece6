using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// A position the article takes or reports: curated in <c>&lt;slug&gt;.positions.yaml</c>, or derived from a paragraph
/// when the article has no such file (<see cref="Answering.PositionDeriver"/>).
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>modest-goals</c> (derived ones: <c>p3</c>).</param>
/// <param name="Title">A short line naming the position (derived: the paragraph's claim, shortened).</param>
/// <param name="Holder">Who holds it: the author, a person or body the article quotes or reports.</param>
/// <param name="Paragraphs">1-based paragraph numbers; the first is the position's main paragraph.</param>
/// <param name="Summary">What an answer opens with: our own words (curated), or whose view the passage is (derived).</param>
public sealed record Position(
    string Id,
    string Title,
    string Holder,
    ImmutableArray<int> Paragraphs,
    string Summary)
{
    /// <summary>
    /// Questions members might ask that this position answers, in varied words: they join the article's labelled
    /// questions (<see cref="Answering.QuestionBank"/>).
    /// </summary>
    public ImmutableArray<string> Questions { get; init; } = [];

    /// <summary>Derived from the paragraph by the bot rather than written by a person.</summary>
    public bool Derived { get; init; }
}
