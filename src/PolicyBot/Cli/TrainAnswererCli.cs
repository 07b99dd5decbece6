using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Training;

namespace PolicyBot.Cli;

/// <summary>
/// <c>PolicyBot train-answerer --corpus tests/eval [--out file]</c>: trains the ranker and the answerability model on
/// every article of the corpus and writes them where PolicyBot.Core embeds them
/// (<c>src/PolicyBot.Core/Knowledge/Answering/Models/answer-models.json</c>). Rebuild afterwards.
/// </summary>
public static class TrainAnswererCli
{
    public const string DefaultOutput = "src/PolicyBot.Core/Knowledge/Answering/Models/answer-models.json";

    public static async Task<int> RunAsync(string corpusFolder, string half, string output, bool retrievalModel, TextWriter console, CancellationToken ct)
    {
        var corpus = await EvalCorpus.LoadAsync(corpusFolder, ct).ConfigureAwait(false);
        var articles = CliArticles.Load(null);
        using var encoders = Encoders.Production(articles.Options.InferenceThreads, retrievalModel);
        var indexes = new ArticleIndexes(encoders, new EmbeddingCache(articles.Options.EmbeddingCachePath), articles.Answering, Microsoft.Extensions.Logging.Abstractions.NullLogger<ArticleIndexes>.Instance);
        var train = corpus.Half(half);
        var stages = retrievalModel ? AnswerStages.All : AnswerStages.All & ~AnswerStages.RetrievalModel;
        var description = $"{train.Count} articles of {corpusFolder} ({half}), {train.Sum(a => a.Questions.Count)} questions";
        var models = await new CorpusEvaluation(indexes, articles.Answering).TrainAsync(train, stages, description, ct).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await using (var file = File.Create(output))
        {
            models.Save(file);
        }

        await console.WriteLineAsync($"Trained on {description}: {models.Ranker.Trees.Count} ranker trees, {models.Answerability.Trees.Count} answerability trees -> {output}").ConfigureAwait(false);
        return 0;
    }
}
