using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Training;

/// <summary>
/// Learns how questions are read for answers (<see cref="AnswerStages.QuestionAdapter"/>) across many articles: the
/// linear <see cref="QuestionAdapter"/> here, or MiniLM itself tuned (<see cref="QuestionTuning"/>) by PolicyBot.Tuning,
/// which needs a training library the bot does not ship.
/// </summary>
public interface IQuestionTuner
{
    /// <summary>Trains on <paramref name="examples"/>.</summary>
    ITunedQuestions Train(IReadOnlyList<TrainingExample> examples, int seed);
}

/// <summary>What a <see cref="IQuestionTuner"/> learned: it measures questions, and goes into the shipped models.</summary>
public interface ITunedQuestions
{
    /// <summary>
    /// Each example's question as this reads it (<see cref="QuestionEvidence.Adapt(float[], double)"/>), in order: the
    /// same examples measured again, or new ones when the question's whole reading changes.
    /// </summary>
    IReadOnlyList<TrainingExample> Read(IReadOnlyList<TrainingExample> examples);

    /// <summary>The models with what was learned in them.</summary>
    AnswerModels Into(AnswerModels models);
}

/// <summary>Which tuner the training commands use: the linear adapter unless a tool that can tune MiniLM set its own.</summary>
public static class QuestionTuners
{
    public static IQuestionTuner Current { get; set; } = new LinearQuestionTuner();
}

/// <summary>The linear map of MiniLM's question vector (<see cref="AdapterTrainer"/>).</summary>
public sealed class LinearQuestionTuner : IQuestionTuner
{
    public ITunedQuestions Train(IReadOnlyList<TrainingExample> examples, int seed) =>
        new Linear(AdapterTrainer.Train([.. examples.Select(AdapterTrainer.From)], seed));

    private sealed class Linear(QuestionAdapter adapter) : ITunedQuestions
    {
        public IReadOnlyList<TrainingExample> Read(IReadOnlyList<TrainingExample> examples)
        {
            foreach (var example in examples)
            {
                example.Evidence.Adapt(adapter);
            }

            return examples;
        }

        public AnswerModels Into(AnswerModels models) => models.ReadingQuestionsWith(adapter, tuning: null);
    }
}
