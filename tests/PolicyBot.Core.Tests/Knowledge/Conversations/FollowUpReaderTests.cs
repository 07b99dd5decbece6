using PolicyBot.Core.Knowledge.Conversations;

namespace PolicyBot.Core.Tests.Knowledge.Conversations;

public sealed class FollowUpReaderTests
{
    [Theory]
    [InlineData("why?", FollowUpKind.Why)]
    [InlineData("But why", FollowUpKind.Why)]
    [InlineData("how come?", FollowUpKind.Why)]
    [InlineData("who said that?", FollowUpKind.Who)]
    [InlineData("Whose view is that?", FollowUpKind.Who)]
    [InlineData("says who", FollowUpKind.Who)]
    [InlineData("quote it", FollowUpKind.Quote)]
    [InlineData("can you quote that please", FollowUpKind.Quote)]
    [InlineData("show me the passage", FollowUpKind.Quote)]
    [InlineData("tell me more", FollowUpKind.Quote)]
    [InlineData("and what about Pyongyang?", FollowUpKind.WhatAbout)]
    [InlineData("What about the drills", FollowUpKind.WhatAbout)]
    [InlineData("what did she say about sanctions?", FollowUpKind.Leaning)]
    [InlineData("is that realistic?", FollowUpKind.Leaning)]
    [InlineData("Why does the author think the deadline matters for the talks in December?", FollowUpKind.None)]
    [InlineData("What should Washington offer?", FollowUpKind.None)]
    [InlineData("Who is Jared Kushner?", FollowUpKind.None)]
    [InlineData("", FollowUpKind.None)]
    public void Follow_ups_are_recognised_by_their_shape_alone(string question, FollowUpKind kind) =>
        Assert.Equal(kind, FollowUpReader.Read(question).Kind);

    [Fact]
    public void What_about_keeps_its_topic() =>
        Assert.Equal("Pyongyang", FollowUpReader.Read("and what about Pyongyang?").Topic);

    [Theory]
    [InlineData("What should Washington offer?", "Pyongyang", "What should Pyongyang offer?")]
    [InlineData("What does the author say about sanctions?", "the drills", "What does the author say about the drills?")]
    [InlineData("what is the plan", "the drills", null)]
    public void The_earlier_question_is_asked_about_the_new_topic(string earlier, string topic, string? expected) =>
        Assert.Equal(expected, FollowUpReader.Substitute(earlier, topic));

    [Fact]
    public void People_pronouns_name_the_holder_of_the_earlier_answer() =>
        Assert.Equal("what did Bonnie Kristian say about Bonnie Kristian's sanctions?", FollowUpReader.NamePeople("what did she say about their sanctions?", "Bonnie Kristian"));
}
