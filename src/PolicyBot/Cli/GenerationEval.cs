using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Core.Knowledge.Generation;
using PolicyBot.Hosting;

namespace PolicyBot.Cli;

/// <summary>
/// <c>ask-eval --generation</c>: every question is answered by retrieval, then phrased by the configured language model
/// (<c>Knowledge:Generation</c>), exactly as the bot does. What retrieval alone gave is kept, so one run reports both and
/// what the model changed, with its fallbacks by reason. The caps are lifted: the operator measures, no member asks.
/// </summary>
public sealed class GenerationEval
{
    private readonly AnswerWriter _writer;
    private readonly ConcurrentQueue<(Answer Extractive, GenerationOutcome Outcome, TimeSpan Took)> _runs = new();

    private GenerationEval(GenerationOptions options)
    {
        Options = options;
        options.MaxRequestsPerDay = int.MaxValue;
        options.MaxRequestsPerMemberPerDay = int.MaxValue;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        _writer = new AnswerWriter(ModelChatClient.Create(options), wrapped, new GenerationQuota(TimeProvider.System, wrapped), TimeProvider.System, NullLogger<AnswerWriter>.Instance);
    }

    public GenerationOptions Options { get; }

    /// <summary>The evaluation (with <paramref name="model"/>, else the configured model), or null with the reason when there is none.</summary>
    public static GenerationEval? TryCreate(GenerationOptions? model, out string? problem)
    {
        var options = model ?? CliKnowledgeOptions.LoadGeneration();
        problem = options.IsConfigured
            ? null
            : "--generation needs a language model: set Knowledge:Generation:Endpoint and Model (e.g. POLICYBOT_Knowledge__Generation__Endpoint=http://localhost:11434/v1 and POLICYBOT_Knowledge__Generation__Model=llama3.2).";
        return problem is null ? new GenerationEval(options) : null;
    }

    /// <summary>An answerer that asks <paramref name="retrieval"/> and then the model, recording both.</summary>
    public IAnswerer Around(IAnswerer retrieval) => new Phrasing(retrieval, this);

    /// <summary>The same figures for retrieval alone: the answers it gave to <paramref name="withModel"/>'s questions in this run.</summary>
    public async Task<EvalReport> ExtractiveReportAsync(ArticleLibrary library, EvalReport withModel, CancellationToken cancellationToken)
    {
        var byQuestion = _runs.ToLookup(r => (r.Extractive.Question, r.Extractive.Article?.Slug));
        var replay = new Queue<Answer>(withModel.Outcomes.Select(o => Extractive(o.Answer, byQuestion)));
        return await AnswerEvaluator.EvaluateAsync(new Replay(replay), library, withModel.Outcomes.Select(o => o.Case), cancellationToken).ConfigureAwait(false);
    }

    public string Summary()
    {
        var runs = _runs.ToArray();
        var asked = runs.Where(r => r.Outcome.Asked).ToArray();
        var used = asked.Count(r => r.Outcome.UsedModel);
        var fallbacks = asked.Concat(runs.Where(r => r.Outcome.Fallback == GenerationFallback.OverCap))
            .Where(r => !r.Outcome.UsedModel)
            .GroupBy(r => GenerationOutcome.Name(r.Outcome.Fallback))
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {g.Count()}");
        var mean = asked.Length == 0 ? 0 : asked.Average(r => r.Took.TotalMilliseconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"language model {Options.Model}: asked {asked.Length} of {runs.Length} questions, its answer used {used} ({(double)used / Math.Max(1, asked.Length):P1}), mean {mean:F0} ms; fallbacks: {(used == asked.Length ? "none" : string.Join(", ", fallbacks))}");
    }

    private static Answer Extractive(Answer shown, ILookup<(string, string?), (Answer Extractive, GenerationOutcome Outcome, TimeSpan Took)> runs) =>
        runs[(shown.Question, shown.Article?.Slug)].Select(r => r.Extractive).FirstOrDefault() ?? shown;

    private sealed class Phrasing(IAnswerer retrieval, GenerationEval eval) : IAnswerer
    {
        public async Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken)
        {
            var extractive = await retrieval.AnswerAsync(question, articleSlug, cancellationToken).ConfigureAwait(false);
            var started = TimeProvider.System.GetTimestamp();
            var written = await eval._writer.WriteAsync(new WritingTask(extractive, question, null, "ask-eval"), cancellationToken).ConfigureAwait(false);
            eval._runs.Enqueue((extractive, written.Outcome, TimeProvider.System.GetElapsedTime(started)));
            return written.Answer;
        }
    }

    private sealed class Replay(Queue<Answer> answers) : IAnswerer
    {
        public Task<Answer> AnswerAsync(string question, string? articleSlug, CancellationToken cancellationToken) => Task.FromResult(answers.Dequeue());
    }
}
