using System.Collections.Immutable;

namespace PolicyBot.Core.Knowledge;

/// <summary>
/// A question about an article with the paragraphs a correct answer cites (<c>[]</c>: the article does not cover it),
/// from <c>&lt;slug&gt;.questions.jsonl</c>. New questions that closely resemble labelled ones are answered like them
/// (<see cref="Retrieval.QuestionBank"/>).
/// </summary>
public sealed record LabelledQuestion(string Question, ImmutableArray<int> Paragraphs)
{
    /// <summary>Each paragraph once: a paragraph listed twice would count twice in a vote.</summary>
    public ImmutableArray<int> Paragraphs { get; } = [.. Paragraphs.Distinct()];

    public bool OnTopic => !Paragraphs.IsEmpty;
}
