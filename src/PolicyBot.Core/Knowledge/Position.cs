using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// A position the article takes or reports, curated by hand in <c>&lt;slug&gt;.positions.yaml</c>.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>modest-goals</c>.</param>
/// <param name="Holder">Who holds it: the author, Washington, North Korean state media...</param>
/// <param name="Paragraphs">1-based paragraph numbers; the first is the position's main paragraph.</param>
/// <param name="Summary">One or two sentences in our own words; answers open with it.</param>
/// <param name="Aliases">Other ways members name the topic, used for retrieval and for deciding what the article covers.</param>
public sealed record Position(
    string Id,
    string Title,
    string Holder,
    ImmutableArray<int> Paragraphs,
    string Summary,
    ImmutableArray<string> Aliases)
{
    /// <summary>Who would act on the position (a key of <see cref="Article.Actors"/>), when it is about one side's moves.</summary>
    public string? Actor { get; init; }

    /// <summary>
    /// Questions members might ask that this position answers, in varied words. Matched question to question, which a
    /// sentence-embedding model does far more sharply than question to passage.
    /// </summary>
    public ImmutableArray<string> Questions { get; init; } = [];
}
