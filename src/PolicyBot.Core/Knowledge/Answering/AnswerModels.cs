using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Knowledge.Answering;

/// <summary>
/// The two learned stages, trained across many articles by <c>PolicyBot train-answerer</c> and shipped inside
/// PolicyBot.Core (<c>Knowledge/Answering/Models/answer-models.json</c>): the ranker scores each paragraph, the
/// answerability model gives the probability that the paragraph the ranker chose answers the question at all.
/// </summary>
public sealed class AnswerModels
{
    public const string ResourceName = "PolicyBot.Core.Knowledge.Answering.Models.answer-models.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static readonly Lazy<AnswerModels> ShippedModels = new(() => Load(OpenShipped()));

    /// <summary>How and on what the models were trained, for the eval report.</summary>
    [JsonPropertyName("trainedOn")]
    public string TrainedOn { get; init; } = string.Empty;

    /// <summary>Whether the models were trained with the retrieval model's features (<see cref="Encoders.Retrieval"/>).</summary>
    [JsonPropertyName("usesRetrievalModel")]
    public bool UsesRetrievalModel { get; init; }

    [JsonPropertyName("paragraphFeatures")]
    public required IReadOnlyList<string> ParagraphFeatures { get; init; }

    [JsonPropertyName("answerabilityFeatures")]
    public required IReadOnlyList<string> AnswerabilityFeatures { get; init; }

    [JsonPropertyName("ranker")]
    public required TreeEnsemble Ranker { get; init; }

    [JsonPropertyName("answerability")]
    public required TreeEnsemble Answerability { get; init; }

    /// <summary>The learned map of question vectors (<see cref="AnswerStages.QuestionAdapter"/>), when trained with it.</summary>
    [JsonPropertyName("questionAdapter")]
    public QuestionAdapter? Adapter { get; init; }

    /// <summary>MiniLM tuned to read questions (<see cref="AnswerStages.QuestionAdapter"/>); used instead of <see cref="Adapter"/> when present.</summary>
    [JsonPropertyName("questionTuning")]
    public QuestionTuning? Tuning { get; init; }

    /// <summary>These models, reading questions with <paramref name="adapter"/> or <paramref name="tuning"/> instead.</summary>
    public AnswerModels ReadingQuestionsWith(QuestionAdapter? adapter, QuestionTuning? tuning, string? trainedOn = null) => new()
    {
        TrainedOn = trainedOn ?? TrainedOn,
        UsesRetrievalModel = UsesRetrievalModel,
        ParagraphFeatures = ParagraphFeatures,
        AnswerabilityFeatures = AnswerabilityFeatures,
        Ranker = Ranker,
        Answerability = Answerability,
        Adapter = adapter,
        Tuning = tuning,
    };

    /// <summary>The models that ship with PolicyBot.</summary>
    public static AnswerModels Shipped => ShippedModels.Value;

    /// <summary>Reads models and checks they were trained on exactly today's features (<see cref="AnswerFeatures"/>).</summary>
    public static AnswerModels Load(Stream json)
    {
        var models = JsonSerializer.Deserialize<AnswerModels>(json, Json) ?? throw new InvalidDataException("The answer models file is empty.");
        Check("ranker", models.ParagraphFeatures, AnswerFeatures.ParagraphNames, models.Ranker);
        Check("answerability model", models.AnswerabilityFeatures, AnswerFeatures.AnswerabilityNames, models.Answerability);
        return models.Answerability.PlattSlope is null
            ? throw new InvalidDataException("The answerability model has no calibration (plattSlope, plattOffset).")
            : models;
    }

    public void Save(Stream json) => JsonSerializer.Serialize(json, this, new JsonSerializerOptions { WriteIndented = true });

    private static void Check(string what, IReadOnlyList<string> trained, IReadOnlyList<string> expected, TreeEnsemble ensemble)
    {
        if (!trained.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"The {what} was trained on other features than this code computes ({string.Join(", ", trained.Except(expected).Concat(expected.Except(trained)).Take(5))}); retrain it with `PolicyBot train-answerer`.");
        }

        if (ensemble.MaxFeatureIndex >= expected.Count)
        {
            throw new InvalidDataException($"The {what} reads feature {ensemble.MaxFeatureIndex}, but there are only {expected.Count}.");
        }
    }

    private static Stream OpenShipped() =>
        typeof(AnswerModels).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The shipped answer models ({ResourceName}) are missing from PolicyBot.Core; run `PolicyBot train-answerer`.");
}
