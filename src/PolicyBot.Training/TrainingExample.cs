using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Evaluation;

namespace PolicyBot.Training;

/// <summary>A labelled question with everything the stages measured about it.</summary>
public sealed record TrainingExample(QuestionEvidence Evidence, EvalCase Case)
{
    /// <summary>0-based indexes of the paragraphs that answer it (empty: the article does not).</summary>
    public int[] Gold => [.. Case.Paragraphs.Select(p => p - 1)];

    /// <summary>Reads every question of <paramref name="articles"/> with <paramref name="reader"/>.</summary>
    public static async Task<IReadOnlyList<TrainingExample>> GatherAsync(
        QuestionReader reader, IEnumerable<CorpusArticle> articles, CancellationToken cancellationToken)
    {
        var examples = new List<TrainingExample>();
        foreach (var article in articles)
        {
            foreach (var question in article.Questions)
            {
                examples.Add(new TrainingExample(await reader.ExamineAsync(question.Question, article.Article, cancellationToken).ConfigureAwait(false), question));
            }
        }

        return examples;
    }
}
