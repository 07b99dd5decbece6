namespace PolicyBot.Tuning;

/// <summary>
/// How MiniLM is tuned. Chosen in a first check (trained on the written articles, measured on the 24 real ones by each
/// question's best sentence; docs/PERFORMANCE.md): a rank of 16 with Adam at 5e-4 for two passes; a third pass fitted
/// the training questions better and found the right paragraph less often.
/// </summary>
public sealed record LoraSettings(int Rank = 16, float Alpha = 32, double LearningRate = 5e-4, int Epochs = 2, int BatchSize = 32, float Temperature = (float)PolicyBot.Training.AdapterTrainer.Temperature)
{
    public static LoraSettings Default { get; } = new();
}
