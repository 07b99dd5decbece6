using System.Text.Json;
using PolicyBot.Cli;

namespace PolicyBot.Tests.Cli;

/// <summary>The CLI contract a hidden evaluation relies on, and the dev-set quality targets.</summary>
public sealed class AskCliTests
{
    private static string ArticlesFolder => Path.Combine(AppContext.BaseDirectory, "config", "articles");

    [Fact]
    public async Task Questions_from_stdin_get_one_json_line_each_in_order_with_verbatim_quotes()
    {
        var input = new StringReader("Should sanctions be lifted?\nWhat does the article say about Iran?\n\nWho is the author?\n");
        var output = new StringWriter();

        var exitCode = await AskCli.RunAsync(ArticlesFolder, null, json: true, input, output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var answers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["Should sanctions be lifted?", "What does the article say about Iran?", "Who is the author?"],
            answers.Select(a => a.GetProperty("question").GetString()));
        Assert.Equal([false, true, false], answers.Select(a => a.GetProperty("declined").GetBoolean()));
        Assert.Equal(["question", "declined", "answer", "citations"], answers[0].EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("The article never mentions 'Iran'. It covers:", answers[1].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, answers[1].GetProperty("citations").GetArrayLength());

        var article = Core.Knowledge.ArticleLibrary.Load(ArticlesFolder).Articles[0];
        var primary = answers[0].GetProperty("citations")[0];
        Assert.Equal(["article", "paragraph", "quote"], primary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("north-korea-talks", 5), (primary.GetProperty("article").GetString(), primary.GetProperty("paragraph").GetInt32()));
        foreach (var citation in answers.SelectMany(a => a.GetProperty("citations").EnumerateArray()))
        {
            Assert.Contains(citation.GetProperty("quote").GetString()!, article.Paragraph(citation.GetProperty("paragraph").GetInt32()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_question_argument_without_json_prints_readable_text_only()
    {
        var output = new StringWriter();

        await AskCli.RunAsync(ArticlesFolder, "Is the deadline meaningful?", json: false, TextReader.Null, output, CancellationToken.None);

        var text = output.ToString();
        Assert.StartsWith("Q: Is the deadline meaningful?", text, StringComparison.Ordinal);
        Assert.Contains("(¶8)", text, StringComparison.Ordinal);
        Assert.Contains("Bonnie Kristian", text, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dev_set_meets_the_quality_targets_and_beats_the_baseline()
    {
        var devSet = DevSetPath();

        var hybrid = await AskEval.EvaluateAsync(ArticlesFolder, devSet, baseline: false, CancellationToken.None);
        var baseline = await AskEval.EvaluateAsync(ArticlesFolder, devSet, baseline: true, CancellationToken.None);

        Assert.True(hybrid.OnTopicAccuracy >= 0.95, hybrid.Summary("hybrid"));
        Assert.True(hybrid.DeclineRate >= 0.95, hybrid.Summary("hybrid"));
        Assert.Equal(0, hybrid.FabricatedQuotes);
        Assert.Equal(0, baseline.FabricatedQuotes);
        Assert.True(hybrid.OnTopicCorrect + hybrid.OffTopicDeclined > baseline.OnTopicCorrect + baseline.OffTopicDeclined, baseline.Summary("baseline"));
    }

    [Fact]
    public async Task The_eval_command_prints_the_three_figures()
    {
        var output = new StringWriter();

        var exitCode = await AskEval.RunAsync(ArticlesFolder, DevSetPath(), baseline: true, output, CancellationToken.None);

        Assert.Contains("on-topic primary citation in expected paragraphs", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("off-topic declined", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("fabricated quotes 0", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(output.ToString().Contains("targets met: yes", StringComparison.Ordinal) ? 0 : 1, exitCode);
    }

    [Fact]
    public async Task The_eval_command_holds_the_measured_questions_out_of_the_labelled_ones()
    {
        // A labelled question with a wrong answer: answered from the label by `ask`, but ask-eval must not be told it.
        var folder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(ArticlesFolder, "north-korea-talks.md"), Path.Combine(folder, "north-korea-talks.md"));
        File.Copy(Path.Combine(ArticlesFolder, "north-korea-talks.positions.yaml"), Path.Combine(folder, "north-korea-talks.positions.yaml"));
        const string Question = "Does the author think the deadline matters?";
        await File.WriteAllTextAsync(Path.Combine(folder, "north-korea-talks.questions.jsonl"), $$"""{"question": "{{Question}}", "paragraphs": [10]}""");
        var cases = Path.Combine(folder, "cases.jsonl");
        await File.WriteAllTextAsync(cases, $$"""{"question": "{{Question}}", "paragraphs": [8]}""");
        var asked = new StringWriter();

        await AskCli.RunAsync(folder, Question, json: true, TextReader.Null, asked, CancellationToken.None);
        var measured = await AskEval.EvaluateAsync(folder, cases, baseline: false, CancellationToken.None);

        Assert.Equal(10, JsonDocument.Parse(asked.ToString()).RootElement.GetProperty("citations")[0].GetProperty("paragraph").GetInt32());
        Assert.False(measured.Outcomes.Single().Answer.Declined);
        Assert.NotEqual(10, measured.Outcomes.Single().Answer.Citations[0].Paragraph);
    }

    // The dev set lives in shared/eval beside the repository (../shared in CI; further up for a git worktree).
    // A copy travels with the tests so a clone without shared/ beside it still measures the same questions.
    private static string DevSetPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "eval", "ask-dev.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "Cli", "ask-dev.jsonl");
    }
}
