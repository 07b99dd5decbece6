using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

public sealed class VoteChoiceParserTests
{
    private static readonly Poll Single = new(7, "Which step?", ["Halt missile testing", "Nuclear freeze", "Build relations with South Korea", "Halt exports"],
        1, false, false, "alice", new ConversationRef(Platforms.Console, "c"), PollHarness.Start, null, null);

    private static readonly Poll Multi = Single with { MaxChoices = 2 };

    [Theory]
    [InlineData("2", new[] { 2 })]
    [InlineData("#3", new[] { 3 })]
    [InlineData("nuclear freeze", new[] { 2 })]
    [InlineData("BUILD", new[] { 3 })]
    [InlineData("halt missile", new[] { 1 })]
    [InlineData("nuclear\u200B freeze", new[] { 2 })]
    [InlineData("ＮＵＣＬＥＡＲ", new[] { 2 })]
    public void An_option_is_named_by_number_exact_text_or_unique_prefix(string text, int[] expected)
    {
        var parsed = VoteChoiceParser.Parse(Single, text);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, parsed.Value.ToArray());
    }

    [Theory]
    [InlineData("1 3", new[] { 1, 3 })]
    [InlineData("3 1 3", new[] { 1, 3 })]
    [InlineData("nuclear, build", new[] { 2, 3 })]
    public void A_multi_choice_vote_is_a_set(string text, int[] expected)
    {
        var parsed = VoteChoiceParser.Parse(Multi, text);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(expected, parsed.Value.ToArray());
    }

    [Theory]
    [InlineData("5", "options 1 to 4; there is no option 5")]
    [InlineData("0", "there is no option 0")]
    [InlineData("halt", "fits options 1, 4")]
    [InlineData("peace treaty", "no option starting with “peace treaty”")]
    [InlineData("1 2", "takes one choice; you named 2")]
    [InlineData("", "Name an option")]
    public void Bad_choices_are_explained(string text, string expected)
    {
        var parsed = VoteChoiceParser.Parse(Single, text);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_limits_the_number_of_choices()
    {
        var parsed = VoteChoiceParser.Parse(Multi, "1 2 3");

        Assert.Contains("at most 2 choices; you named 3", parsed.Error, StringComparison.Ordinal);
    }
}
