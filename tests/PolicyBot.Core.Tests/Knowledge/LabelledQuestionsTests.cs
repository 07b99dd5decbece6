using PolicyBot.Core.Knowledge;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>Reading <c>&lt;slug&gt;.questions.jsonl</c> beside an article.</summary>
public sealed class LabelledQuestionsTests
{
    [Fact]
    public void Lines_become_labelled_questions_and_an_empty_list_means_the_article_does_not_cover_it()
    {
        var questions = LabelledQuestionsParser.Parse(
            """
            {"question": "  Do lanes cut injuries?  ", "paragraphs": [2]}

            {"question": "Who is the mayor?", "paragraphs": []}
            {"question": "What is on each side?", "paragraphs": [2, 3, 2]}
            """,
            "city-bikes",
            paragraphCount: 3,
            "bikes.questions.jsonl");

        Assert.Equal(3, questions.Length);
        Assert.Equal(("Do lanes cut injuries?", true), (questions[0].Question, questions[0].OnTopic));
        Assert.Equal([2], questions[0].Paragraphs.ToArray());
        Assert.False(questions[1].OnTopic);
        Assert.Equal([2, 3], questions[2].Paragraphs.ToArray());
    }

    [Theory]
    [InlineData("{\"question\": \"Fine?\", \"paragraphs\": [4]}", "line 2: paragraph 4 is not between 1 and 3")]
    [InlineData("{\"question\": \"Fine?\", \"paragraphs\": [0]}", "line 2: paragraph 0 is not between 1 and 3")]
    [InlineData("{\"question\": \"\", \"paragraphs\": [1]}", "line 2: \"question\" must be a non-empty string")]
    [InlineData("{\"question\": \"Fine?\"}", "line 2: \"paragraphs\" must be a list")]
    [InlineData("{\"paragraphs\": [1]}", "line 2: \"question\" must be a non-empty string")]
    [InlineData("{\"question\": \"Fine?\", \"paragraphs\": [\"two\"]}", "line 2: not a labelled question")]
    [InlineData("{\"question\": \"Fine?\", \"paragraphs\": [3.0]}", "line 2: not a labelled question")]
    [InlineData("[1]", "line 2: not a labelled question")]
    [InlineData("null", "line 2: not a labelled question")]
    [InlineData("{\"question\": \"Fine?\", \"paragraphs\": [1], \"article\": \"other\"}", "line 2: \"article\" is 'other', but this file labels questions about 'city-bikes'")]
    [InlineData("not json", "line 2: not a labelled question")]
    public void A_bad_line_stops_loading_with_the_file_and_line_named(string badLine, string message)
    {
        var text = "{\"question\": \"Good?\", \"paragraphs\": [1]}\n" + badLine + "\n";

        var error = Assert.Throws<ArticleFormatException>(() => LabelledQuestionsParser.Parse(text, "city-bikes", 3, "bikes.questions.jsonl"));

        Assert.StartsWith("bikes.questions.jsonl, " + message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_library_loads_the_questions_file_beside_its_article_and_reports_a_bad_one()
    {
        using var folder = BikesArticle.WriteFolder(questions: """{"question": "Who is the mayor?", "paragraphs": []}""");

        var library = ArticleLibrary.Load(folder.Path);
        await File.WriteAllTextAsync(folder.Combine("city-bikes.questions.jsonl"), """{"question": "Who is the mayor?", "paragraphs": [9]}""");
        var error = Assert.Throws<ArticleFormatException>(() => ArticleLibrary.Load(folder.Path));

        Assert.Equal("Who is the mayor?", Assert.Single(library.Articles[0].LabelledQuestions).Question);
        Assert.Contains("city-bikes.questions.jsonl, line 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(BikesArticle.Library(questions: null).Articles[0].LabelledQuestions);
    }
}
