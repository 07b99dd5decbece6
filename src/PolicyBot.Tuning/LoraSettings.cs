namespace PolicyBot.Tuning;

/// <summary>
/// How MiniLM is tuned. Chosen in a first check (trained on the written articles, measured on the 24 real ones by each
/// question's best sentence; docs/PERFORMANCE.md): a rank of 16 with Adam at 5e-4 for two passes; a third pass fitted
/// the training questions better and found the right paragraph less often. <see cref="TuneArticles"/>: the changes
/// read the articles too, learned on both sides at once (right best sentence 80.1 % against 77.8 % in that check, both
/// with batches of 32: <c>tuning-check</c>);
/// each batch then holds questions of one article, 64 of them, so its sentences are read once per 64 questions.
/// </summary>
public sealed record LoraSettings(int Rank = 16, float Alpha = 32, double LearningRate = 5e-4, int Epochs = 2, int BatchSize = 64, float Temperature = (float)PolicyBot.Training.AdapterTrainer.Temperature, bool TuneArticles = true)
{
    public static LoraSettings Default { get; } = new();

    /// <summary>The earlier tuning: questions only, against articles as plain MiniLM reads them (for comparison).</summary>
    public static LoraSettings QuestionsOnly { get; } = new() { BatchSize = 32, TuneArticles = false };
}
