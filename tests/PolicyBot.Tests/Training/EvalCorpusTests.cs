using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Tests.Shared;
using PolicyBot.Training;

namespace PolicyBot.Tests.Training;

/// <summary>Training on a question set once it has been measured (<c>train-answerer --also-questions</c>).</summary>
public sealed class EvalCorpusTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_later_set_adds_its_questions_to_their_articles_once_each()
    {
        var articles = new[] { Article("first", "Why now?"), Article("second", "Who pays?") };
        await File.WriteAllLinesAsync(_folder.Combine("first.jsonl"),
        [
            """{"question": "WHY NOW?", "paragraphs": [2]}""",
            """{"question": "What does it cost?", "paragraphs": [1]}""",
            """{"question": "whats the weather", "paragraphs": []}""",
        ]);

        var extended = await EvalCorpus.WithMoreQuestionsAsync(articles, _folder.Path, CancellationToken.None);

        Assert.Equal(["Why now?", "What does it cost?", "whats the weather"], extended[0].Questions.Select(q => q.Question));
        Assert.All(extended[0].Questions, q => Assert.Equal("first", q.Article));
        Assert.Equal([1], extended[0].Questions[1].Paragraphs.ToArray());
        Assert.Same(articles[1], extended[1]);
    }

    [Fact]
    public async Task A_missing_folder_is_an_error_not_an_empty_set()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            EvalCorpus.WithMoreQuestionsAsync([Article("first", "Why now?")], _folder.Combine("absent"), CancellationToken.None));
    }

    private static CorpusArticle Article(string slug, string question) =>
        new(new Article(slug, "A title", "An author", "An outlet", null, [], ["One.", "Two."], []), [new EvalCase(question, [1], slug)]);
}
