using System.Text.Json;
using PolicyBot.Cli;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Cli;

/// <summary>The CLI contract a hidden evaluation relies on, and the evaluation commands.</summary>
public sealed class AskCliTests
{
    private static string ArticlesFolder => Path.Combine(AppContext.BaseDirectory, "config", "articles");

    private static string RepositoryRoot => RepositoryFolder.Root;

    private static string DevSet => Path.Combine(RepositoryRoot, "tests", "eval", "seed", "ask-dev.jsonl");

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
        Assert.StartsWith("The article never mentions “Iran”. It covers:", answers[1].GetProperty("answer").GetString(), StringComparison.Ordinal);
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

    [Theory]
    [InlineData(false, "answerer: on-topic")]
    [InlineData(true, "BM25 over paragraphs: on-topic")]
    public async Task The_eval_command_prints_the_three_figures_and_exits_by_the_targets(bool baseline, string label)
    {
        var output = new StringWriter();

        var exitCode = await AskEval.RunAsync(Settings(DevSet) with { Baseline = baseline }, output, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.Contains("off-topic declined", text, StringComparison.Ordinal);
        Assert.Contains("fabricated quotes 0", text, StringComparison.Ordinal);
        Assert.Equal(text.Contains("met: yes", StringComparison.Ordinal) ? 0 : 1, exitCode);
    }

    [Fact]
    public async Task The_eval_command_with_generation_reports_retrieval_alone_the_model_and_its_fallbacks()
    {
        await using var model = await PolicyBot.Tests.Generation.LoopbackModel.StartAsync();
        var turn = 0;
        // Every third answer is garbage; the others cite the first paragraph they were given.
        model.Respond = request => Interlocked.Increment(ref turn) % 3 == 0
            ? new PolicyBot.Tests.Generation.ModelBehaviour.Answer("no JSON here")
            : PolicyBot.Tests.Generation.ModelBehaviour.Json(true, "A plain answer.", request.Document.GetProperty("paragraphs")[0].GetProperty("number").GetInt32());
        var output = new StringWriter();

        var exitCode = await AskEval.RunAsync(
            Settings(DevSet) with { Generation = true, Model = new() { Endpoint = model.Endpoint, Model = "loopback-llm" } }, output, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("answerer, retrieval alone (same run): on-topic", text, StringComparison.Ordinal);
        Assert.Contains($"language model loopback-llm: asked {model.Requests.Count} of 42 questions", text, StringComparison.Ordinal);
        Assert.Matches(@"fallbacks: malformed \d+", text);
        Assert.Contains("answerer, phrased by the language model: on-topic", text, StringComparison.Ordinal);
        Assert.Contains("fabricated quotes 0", text, StringComparison.Ordinal);
        Assert.InRange(exitCode, 0, 1);
    }

    [Fact]
    public async Task The_eval_command_with_generation_and_no_model_says_what_to_set()
    {
        var output = new StringWriter();

        var exitCode = await AskEval.RunAsync(Settings(DevSet) with { Generation = true, Model = new() }, output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("Knowledge:Generation:Endpoint", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_eval_command_holds_the_measured_questions_out_of_the_labelled_ones()
    {
        // A labelled question with a wrong answer: answered from the label by `ask`, but ask-eval must not be told it.
        using var scratch = new ScratchFolder();
        var folder = scratch.Path;
        File.Copy(Path.Combine(ArticlesFolder, "north-korea-talks.md"), Path.Combine(folder, "north-korea-talks.md"));
        const string Question = "Is the deadline meaningless according to the author?";
        await File.WriteAllTextAsync(Path.Combine(folder, "north-korea-talks.questions.jsonl"), $$"""{"question": "{{Question}}", "paragraphs": [10]}""");
        var cases = Path.Combine(folder, "cases.jsonl");
        await File.WriteAllTextAsync(cases, $$"""{"question": "{{Question}}", "paragraphs": [8]}""");
        var asked = new StringWriter();
        var measured = new StringWriter();

        await AskCli.RunAsync(folder, Question, json: true, TextReader.Null, asked, CancellationToken.None);
        await AskEval.RunAsync(Settings(cases) with { ArticlesPath = folder, Misses = true }, measured, CancellationToken.None);

        Assert.Equal(10, JsonDocument.Parse(asked.ToString()).RootElement.GetProperty("citations")[0].GetProperty("paragraph").GetInt32());
        Assert.Contains("on-topic primary citation in expected paragraphs 1/1", measured.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_corpus_evaluation_trains_on_one_half_and_reports_on_the_other_beside_bm25()
    {
        using var corpus = SmallCorpus();
        var output = new StringWriter();

        await AskEval.RunAsync(Settings(null) with { Corpus = corpus.Path, Train = "tune", Report = "report" }, output, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("| ranked-choice-voting-is-second-best |", text, StringComparison.Ordinal);
        Assert.Contains("| **pooled** |", text, StringComparison.Ordinal);
        Assert.Contains("BM25 right", text, StringComparison.Ordinal);
        Assert.Contains("trained on the 'tune' half (1 articles)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| turkeys-problem-banks |", text, StringComparison.Ordinal); // the training article is not reported on
        Assert.Contains("answerability AUC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halves_join_with_a_plus_and_leave_one_out_trains_on_a_chosen_pool()
    {
        using var corpus = SmallCorpus(written: true);
        var joined = new StringWriter();
        var leftOut = new StringWriter();
        var others = new StringWriter();

        await AskEval.RunAsync(Settings(null) with { Corpus = corpus.Path, Train = "tune+written", Report = "report" }, joined, CancellationToken.None);
        await AskEval.RunAsync(Settings(null) with { Corpus = corpus.Path, Train = "loao+written", Report = "report" }, leftOut, CancellationToken.None);
        await AskEval.RunAsync(Settings(null) with { Corpus = corpus.Path, Train = "others", Report = "report" }, others, CancellationToken.None);

        Assert.Contains("trained on the 'tune+written' half (2 articles)", joined.ToString(), StringComparison.Ordinal);
        Assert.Contains("trained on the half's other articles and the 'written' half, one article left out at a time", leftOut.ToString(), StringComparison.Ordinal);
        Assert.Contains("| ranked-choice-voting-is-second-best |", leftOut.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("| a-democratic-flop-in-the-states |", leftOut.ToString(), StringComparison.Ordinal); // training only
        Assert.Contains("trained on every other article of the corpus, one article left out at a time", others.ToString(), StringComparison.Ordinal);
        Assert.Contains("| ranked-choice-voting-is-second-best |", others.ToString(), StringComparison.Ordinal);
    }

    private static AskEval.Settings Settings(string? file) =>
        new(ArticlesFolder, file, null, "tune", "report", Baseline: false, WithoutData: false, Ablate: false, Shipped: false, Misses: false);

    // Two corpus articles, one per half, each with its first 40 questions and 15 uncovered ones; with
    // <paramref name="written"/>, a third in a 'written' half that is only trained on.
    private static ScratchFolder SmallCorpus(bool written = false)
    {
        var scratch = new ScratchFolder();
        var folder = scratch.Path;
        var source = Path.Combine(RepositoryRoot, "tests", "eval");
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        Directory.CreateDirectory(Path.Combine(folder, "questions"));
        string[] slugs = written
            ? ["ranked-choice-voting-is-second-best", "turkeys-problem-banks", "a-democratic-flop-in-the-states"]
            : ["ranked-choice-voting-is-second-best", "turkeys-problem-banks"];
        foreach (var slug in slugs)
        {
            File.Copy(Path.Combine(source, "articles", slug + ".md"), Path.Combine(folder, "articles", slug + ".md"));
            File.WriteAllLines(Path.Combine(folder, "questions", slug + ".jsonl"), File.ReadLines(Path.Combine(source, "questions", slug + ".jsonl")).Take(40).Concat(File.ReadLines(Path.Combine(source, "questions", slug + ".jsonl")).Skip(45).Take(15)));
        }

        File.WriteAllText(Path.Combine(folder, "halves.json"), written
            ? """{"tune": ["turkeys-problem-banks"], "report": ["ranked-choice-voting-is-second-best"], "written": ["a-democratic-flop-in-the-states"]}"""
            : """{"tune": ["turkeys-problem-banks"], "report": ["ranked-choice-voting-is-second-best"]}""");
        return scratch;
    }
}
