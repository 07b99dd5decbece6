using System.CommandLine;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Cli;

/// <summary>Subcommands besides <c>run</c>: the ask CLI, the ask evaluation and the shipped embeddings' refresh.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Ask();
        yield return AskEvaluation();
        yield return EmbedArticles();
        yield return TrainAnswerer();
    }

    private static Option<string?> ArticlesOption() => new("--articles")
    {
        Description = "Folder of <slug>.md and their data files (default: Knowledge:ArticlesPath, config/articles; relative paths resolve against the working directory, then the app folder)",
    };

    private static Command Ask()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per answer, one per line" };
        var articles = ArticlesOption();
        var question = new Argument<string[]>("question")
        {
            Description = "The question; without it, questions are read from stdin, one per line",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("ask", "Answer questions about the articles (no bot, no database).") { json, articles, question };
        command.SetAction((result, ct) =>
        {
            var words = result.GetValue(question) ?? [];
            return AskCli.RunAsync(
                result.GetValue(articles),
                words.Length == 0 ? null : string.Join(' ', words),
                result.GetValue(json),
                Console.In,
                Console.Out,
                ct);
        });
        return command;
    }

    private static Command AskEvaluation()
    {
        var file = new Argument<string?>("questions") { Description = "JSON lines: {\"question\": ..., \"paragraphs\": [n, ...]} ([] = must decline)", Arity = ArgumentArity.ZeroOrOne };
        var articles = ArticlesOption();
        var baseline = new Option<bool>("--baseline") { Description = "Measure plain BM25 over paragraphs instead of the answerer" };
        var withoutData = new Option<bool>("--without-data") { Description = "Ignore the articles' positions and labelled questions" };
        var corpus = new Option<string?>("--corpus") { Description = "A corpus folder (articles/, questions/, halves.json): train on one half, report on the other" };
        var train = new Option<string>("--train") { Description = "The halves to train on, joined by '+' (tune, report, written, all; rest: every article not reported on; loao: the reported half's other articles, one left out at a time, plus any halves after a '+'; others: every other corpus article, one left out at a time)", DefaultValueFactory = _ => "tune+written" };
        var report = new Option<string>("--report") { Description = "The half to report on", DefaultValueFactory = _ => "report" };
        var ablate = new Option<bool>("--ablate") { Description = "Also retrain and measure without each stage in turn" };
        var shipped = new Option<bool>("--shipped") { Description = "Use the shipped models instead of training on the corpus" };
        var misses = new Option<bool>("--misses") { Description = "List every wrong answer" };
        var retrieval = new Option<bool>("--retrieval-model") { Description = "Corpus mode: also read with snowflake-arctic-embed-xs (not shipped; measures what it would add)" };
        var reportQuestions = new Option<string?>("--report-questions") { Description = "Corpus mode: a folder of <slug>.jsonl to report on instead of the corpus's questions (a set written later, measured once)" };
        var generation = new Option<bool>("--generation") { Description = "Phrase every answer with the configured language model (Knowledge:Generation) and report retrieval alone, with the model, and its fallbacks" };
        var without = new Option<AnswerStages[]>("--without") { Description = "Corpus mode: stages to leave out (Repair, Lexical, QuestionAdapter, WordMatch, FactKind, Ranker, Answerability)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("ask-eval", "Measure answer quality: right paragraph, declines, fabricated quotes.")
        {
            file, articles, baseline, withoutData, corpus, train, report, ablate, shipped, misses, retrieval, without, reportQuestions, generation,
        };
        command.SetAction((result, ct) => AskEval.RunAsync(
            new AskEval.Settings(
                result.GetValue(articles), result.GetValue(file), result.GetValue(corpus), result.GetValue(train)!, result.GetValue(report)!,
                result.GetValue(baseline), result.GetValue(withoutData), result.GetValue(ablate), result.GetValue(shipped), result.GetValue(misses))
            {
                RetrievalModel = result.GetValue(retrieval),
                ReportQuestions = result.GetValue(reportQuestions),
                Generation = result.GetValue(generation),
                Without = (result.GetValue(without) ?? []).Aggregate(AnswerStages.None, (a, b) => a | b),
            },
            Console.Out,
            ct));
        return command;
    }

    private static Command TrainAnswerer()
    {
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder (articles/, questions/, halves.json)", DefaultValueFactory = _ => Path.Combine("tests", "eval") };
        var half = new Option<string>("--half") { Description = "Train on this half only (tune, report) or all", DefaultValueFactory = _ => "all" };
        var output = new Option<string>("--out") { Description = "Where to write the models", DefaultValueFactory = _ => TrainAnswererCli.DefaultOutput };
        var retrievalModel = new Option<bool>("--retrieval-model") { Description = "Train for MiniLM and snowflake-arctic-embed-xs together (the bot then loads both)" };
        var command = new Command("train-answerer", "Train the ranker and answerability models on a corpus of articles and write them for PolicyBot.Core to embed.")
        {
            corpus, half, output, retrievalModel,
        };
        command.SetAction((result, ct) => TrainAnswererCli.RunAsync(result.GetValue(corpus)!, result.GetValue(half)!, result.GetValue(output)!, result.GetValue(retrievalModel), Console.Out, ct));
        return command;
    }

    private static Command EmbedArticles()
    {
        var articles = ArticlesOption();
        var command = new Command("embed-articles", "Write the articles' embeddings into <articles>/embeddings, so a fresh install starts fast (run after editing an article).") { articles };
        command.SetAction((result, ct) => EmbedArticlesCli.RunAsync(result.GetValue(articles), Console.Out, ct));
        return command;
    }
}
