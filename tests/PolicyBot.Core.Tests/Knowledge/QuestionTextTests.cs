using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>A question read against an article's words: shorthand, misspellings of the article's words, framing.</summary>
public sealed class QuestionTextTests
{
    private static readonly Vocabulary Words = new(["Jason McDaniel found turnout fell in ranked-choice cities.", "Critics of the bill say it costs too much."]);

    [Theory]
    [InlineData("wat did mcdaneil find abt turnuot", "what did mcdaniel find about turnout")]
    [InlineData("why do ppl hate the bill tbh", "why do people hate the bill")]
    [InlineData("What did McDaniel's study find?", "What did McDaniel's study find?")]
    [InlineData("what does the govt say", "what does the government say")]
    public void Shorthand_and_misspellings_of_the_article_s_words_are_repaired(string typed, string repaired) =>
        Assert.Equal(repaired, QuestionText.Read(typed, Words).Repaired);

    [Theory]
    [InlineData("teh bill")] // "teh" is near no word of the article within one edit... but "the" is a stop word people mistype
    [InlineData("what about the senate")] // an English word the article lacks is no misspelling
    [InlineData("what about bills")]
    public void English_words_are_not_turned_into_the_article_s_words(string typed) =>
        Assert.Equal(typed, QuestionText.Read(typed, Words).Repaired);

    [Theory]
    [InlineData("What do critics say, according to the editorial?", "What do critics say?")]
    [InlineData("In the author's view, is the bill too costly?", "is the bill too costly?")]
    [InlineData("What does the piece say about turnout?", "What about turnout?")]
    [InlineData("Who is the author?", "Who is the author?")]
    [InlineData("What is the author's background?", "What is the author's background?")]
    public void Framing_that_names_the_text_is_dropped_but_questions_about_the_author_stay(string typed, string clean) =>
        Assert.Equal(clean, QuestionText.Read(typed, Words).Clean);

    [Fact]
    public void A_question_that_is_all_framing_keeps_its_words()
    {
        var text = QuestionText.Read("according to the article?", Words);

        Assert.Equal("according to the article?", text.Clean);
    }
}
