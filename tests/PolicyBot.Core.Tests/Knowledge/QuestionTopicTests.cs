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

    [Theory]
    [InlineData("If Kim won't disarm, why bother negotiating at all?", "why bother negotiating at all?")]
    [InlineData("ok but if kim won't denuclearize why bother talking at all", "why bother talking at all")]
    [InlineData("Does the writer think talking is worthless given Kim won't denuclearize?", "talking is worthless?")]
    [InlineData("So we shouldn't bother negotiating since Kim won't disarm?", "So we shouldn't bother negotiating?")]
    [InlineData("if talks are stalled what should Washington offer Pyongyang", "what should Washington offer Pyongyang")]
    [InlineData("if kim wont give up nukes is there even any point in negotiating w him", "is there even any point in negotiating w him")]
    [InlineData("so if the deadline passes should we worry about a war", "should we worry about a war")]
    public void A_condition_leaves_the_topic_when_the_main_clause_has_one(string question, string topic) =>
        Assert.Equal(topic, QuestionTopic.Of(question));

    [Theory]
    [InlineData("If Kim attacked South Korea, what would happen?")]
    [InlineData("What happens if 2020 arrives without progress?")]
    [InlineData("What security guarantee was given to Kim in Singapore?")]
    [InlineData("Did the talks collapse because of the sanctions?")]
    [InlineData("How have Kim's missile tests changed since the Singapore summit?")]
    public void A_condition_stays_when_the_main_clause_has_no_topic_of_its_own_and_a_phrase_is_no_condition(string question) =>
        Assert.Equal(question, QuestionTopic.Of(question));
}
