using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class QuestionTopicTests
{
    [Theory]
    [InlineData("Does the author support canceling military drills?", "canceling military drills?")]
    [InlineData("According to the article, how long does Trump have left?", "how long does Trump have left?")]
    [InlineData("What is the writer's bottom line?", "What is bottom line?")]
    [InlineData("Is the piece saying that the deadline is meaningless?", "the deadline is meaningless?")]
    [InlineData("does she think the new talks are good news", "the new talks are good news")]
    public void Framing_words_are_dropped_from_the_topic(string question, string topic) =>
        Assert.Equal(topic, QuestionTopic.Of(question));

    [Theory]
    [InlineData("Who is the author?")]
    [InlineData("What does the article say?")]
    [InlineData("Should sanctions be lifted?")]
    public void A_question_that_is_all_framing_or_has_none_stays_whole(string question) =>
        Assert.Equal(question, QuestionTopic.Of(question));
}
