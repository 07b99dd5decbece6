using System.CommandLine;
using PolicyBot.Core.Knowledge;

namespace PolicyBot.Cli;

/// <summary>Subcommands besides <c>run</c>: the ask CLI, the ask evaluation and the shipped embeddings' refresh.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Ask();
        yield return AskEvaluation();
        yield return EmbedArticles();
    }

    private static Option<string?> ArticlesOption() => new("--articles")
    {
        Description = "Folder of <slug>.md and <slug>.positions.yaml (default: Knowledge:ArticlesPath, config/articles; relative paths resolve against the working directory, then the app folder)",
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
        var baseline = new Option<bool>("--baseline") { Description = "Measure plain BM25 over paragraphs instead of the hybrid answerer" };
        var articles = ArticlesOption();
        var file = new Argument<string>("questions") { Description = "JSON lines: {\"question\": ..., \"paragraphs\": [n, ...]} ([] = must decline)" };
        var features = new Option<string?>("--features") { Description = "Also write every question's retrieval evidence as JSON lines to this file (for tuning)" };
        var command = new Command("ask-eval", "Measure answer quality: on-topic accuracy, off-topic declines, fabricated quotes.") { baseline, articles, features, file };
        command.SetAction((result, ct) => AskEval.RunAsync(result.GetValue(articles), result.GetValue(file)!, result.GetValue(baseline), Console.Out, ct, result.GetValue(features)));
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
