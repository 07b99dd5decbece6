using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class DefinitionCueTests
{
    [Theory]
    [InlineData("What is the year-end deadline about?", "the year-end deadline")]
    [InlineData("whats this year end deadline thing about?", "this year end deadline thing")]
    [InlineData("What's the deadline for?", "the deadline")]
    [InlineData("what's the deal with the year end deadline", "the year end deadline")]
    [InlineData("What does normalize mean here?", "normalize")]
    [InlineData("What is meant by 'dead-end move'?", "dead-end move")]
    [InlineData("whats this year-end deadline everyone keeps mentioning", "year-end deadline")]
    [InlineData("What's that warning?", "warning")]
    [InlineData("what exactly is the deadline pyongyang set", "deadline")]
    [InlineData("wait so theres a deadline? whose is it", "deadline")]
    [InlineData("Is there a year-end deadline?", "year-end deadline")]
    [InlineData("Is there a point in talking to Kim?", null)]
    [InlineData("the deadline is for what exactly", "the deadline")]
    [InlineData("whats this mean for south korea", null)]
    [InlineData("what's that got to do with sanctions", null)]
    [InlineData("What is the ultimate aim?", null)]
    [InlineData("What does the author think about the deadline?", null)]
    [InlineData("Is the deadline meaningful?", null)]
    public void A_question_asking_what_something_is_names_its_subject(string question, string? subject) =>
        Assert.Equal(subject, DefinitionCue.Subject(question));
}
