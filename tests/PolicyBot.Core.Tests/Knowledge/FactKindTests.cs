using PolicyBot.Core.Knowledge.Text;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The kind of fact a question asks for, and whether a passage holds one the question does not already state.</summary>
public sealed class FactKindTests
{
    [Theory]
    [InlineData("How many cities use it?", FactKind.Number)]
    [InlineData("by how much did turnout fall", FactKind.Number)]
    [InlineData("What package size did the economist propose?", FactKind.Number)]
    [InlineData("When was the paper published?", FactKind.Date)]
    [InlineData("In what year did it start?", FactKind.Date)]
    [InlineData("Who was head of the agency when the files were taken?", FactKind.Name)] // the first question word decides
    [InlineData("Which federal judge got the case?", FactKind.Name)]
    [InlineData("What is the name of the group?", FactKind.Name)]
    [InlineData("Where did he say it?", FactKind.Place)]
    [InlineData("In which city was the warehouse?", FactKind.Place)]
    [InlineData("What was she working on when she was killed?", FactKind.Any)]
    [InlineData("Why does the author object?", FactKind.Any)]
    [InlineData("Which seats did they flip?", FactKind.Name)] // instances of a kind, by name
    [InlineData("which specific facilities is he shutting down", FactKind.Name)]
    [InlineData("Which of the two plans is better?", FactKind.Any)]
    [InlineData("Which is worse, the tax or the cut?", FactKind.Any)]
    [InlineData("Which arguments does the author reject?", FactKind.Any)] // a point made, not a thing named
    public void The_first_question_word_says_what_is_asked(string question, FactKind kind) =>
        Assert.Equal(kind, FactKinds.Of(question));

    [Theory]
    [InlineData(FactKind.Number, "Turnout fell by 3 to 5 points.", "How much did turnout fall?", true)]
    [InlineData(FactKind.Number, "In 2019 turnout fell.", "How much did turnout fall?", false)] // a year is no count
    [InlineData(FactKind.Number, "Two dozen cities use it.", "How many cities use it?", true)]
    [InlineData(FactKind.Number, "Two dozen cities use it.", "How many of the two dozen cities?", false)]
    [InlineData(FactKind.Number, "Turnout fell by 3 points.", "Did it fall by 3 points, and how many voted?", false)] // only what the question states
    [InlineData(FactKind.Date, "The paper appeared in 2018.", "When did it appear?", true)]
    [InlineData(FactKind.Date, "The paper appeared in 2018.", "Did it appear in 2018, and when exactly?", false)]
    [InlineData(FactKind.Name, "The ruling came from Judge Paul Maloney.", "Which judge ruled?", true)]
    [InlineData(FactKind.Name, "Restaurant owners sued the state.", "Which judge got the case?", false)]
    [InlineData(FactKind.Any, "Anything at all.", "Why?", true)]
    public void A_passage_holds_the_fact_only_beyond_what_the_question_states(FactKind kind, string passage, string question, bool holds) =>
        Assert.Equal(holds, FactKinds.Holds(kind, passage, question));
}
