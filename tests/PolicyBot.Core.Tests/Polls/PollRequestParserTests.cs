using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

public sealed class PollRequestParserTests
{
    private static readonly DateTimeOffset Now = PollHarness.Start;

    [Fact]
    public void A_question_and_options_make_a_single_choice_poll()
    {
        var parsed = PollRequestParser.Parse("Which concession first? | Lift sanctions |  Cancel   drills ", Now);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("Which concession first?", parsed.Value.Question);
        Assert.Equal(new[] { "Lift sanctions", "Cancel drills" }, parsed.Value.Options.ToArray());
        Assert.Equal(1, parsed.Value.MaxChoices);
        Assert.False(parsed.Value.Anonymous);
        Assert.False(parsed.Value.Hidden);
        Assert.Null(parsed.Value.ClosesAt);
    }

    [Fact]
    public void Flags_may_stand_anywhere_and_closes_takes_a_date_with_its_zone()
    {
        var parsed = PollRequestParser.Parse("--anonymous Steps? | Halt tests | Freeze | Talk to Seoul --multi=2 --closes 2026-12-31 18:00 Europe/Berlin --hidden", Now);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("Steps?", parsed.Value.Question);
        Assert.Equal(new[] { "Halt tests", "Freeze", "Talk to Seoul" }, parsed.Value.Options.ToArray());
        Assert.Equal(2, parsed.Value.MaxChoices);
        Assert.True(parsed.Value.Anonymous);
        Assert.True(parsed.Value.Hidden);
        Assert.Equal(DateTimeOffset.Parse("2026-12-31T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), parsed.Value.ClosesAt);
    }

    [Fact]
    public void Multi_without_a_number_allows_every_option_and_closes_before_the_question_takes_only_the_time()
    {
        var parsed = PollRequestParser.Parse("--multi --closes 2h Which? | a | b | c", Now);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(3, parsed.Value.MaxChoices);
        Assert.Equal(Now.AddHours(2), parsed.Value.ClosesAt);
        Assert.Equal("Which?", parsed.Value.Question);
    }

    [Theory]
    [InlineData("Only one? | yes", "between 2 and 20 options; you gave 1")]
    [InlineData("No options at all", "separated by `|`")]
    [InlineData("Dup? | Yes | yes", "`Yes` appears twice")]
    [InlineData("Empty? | a | | b", "empty")]
    [InlineData("Q | a | b --multi=3", "more choices than the poll's 2 options")]
    [InlineData("Q | a | b --multi=zero", "`--multi=` takes a number")]
    [InlineData("Q | a | b --everyone", "don't know the flag `--everyone`")]
    [InlineData("Q | a | b --closes yesterday", "can't read the closing time `yesterday`")]
    [InlineData("Q | a | b --closes", "needs a time")]
    [InlineData("Q? | a | b --closes 2027-01-01 10:00 Mars/Olympus", "I don't know the time zone `Mars/Olympus`")]
    [InlineData("Q? | a | b --closes 3d Europe/Berlin", "`3d` is a length of time, so it takes no time zone")]
    [InlineData("Q? | a | b --closes 30s", "less than a minute away")]
    [InlineData("Q? | a | b --closes 9999-12-31 23:59 America/Los_Angeles", "at most 366 days")]
    public void Bad_polls_get_a_message_naming_the_problem(string arguments, string expected)
    {
        var parsed = PollRequestParser.Parse(arguments, Now);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q? | yes | \u200B", "Option 2 has only invisible characters")]
    [InlineData("Q? | \u202E\u200F | no", "Option 1 has only invisible characters")]
    [InlineData("\u200B\u2060 | yes | no", "The question has only invisible characters")]
    [InlineData("Q? | yes | ye\u200Bs", "`yes` appears twice")]
    [InlineData("Q? | yes | ＹＥＳ", "`yes` appears twice")]
    [InlineData("Q? | café | cafe\u0301", "`café` appears twice")]
    public void Options_that_look_empty_or_alike_are_refused(string arguments, string expected)
    {
        var parsed = PollRequestParser.Parse(arguments, Now);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_and_direction_overrides_never_reach_the_question_or_options()
    {
        var parsed = PollRequestParser.Parse("Is \u202Eti\u202C fair?\u0007 | a\0b | \u001B[31mred", Now);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("Is ti fair?", parsed.Value.Question);
        Assert.Equal(new[] { "ab", "[31mred" }, parsed.Value.Options.ToArray());
    }

    [Fact]
    public void Limits_on_options_and_lengths_are_named()
    {
        var tooMany = PollRequestParser.Parse("Q | " + string.Join(" | ", Enumerable.Range(1, 21).Select(i => $"o{i}")), Now);
        var longOption = PollRequestParser.Parse("Q | a | " + new string('x', 81), Now);
        var longQuestion = PollRequestParser.Parse(new string('q', 301) + " | a | b", Now);
        var twenty = PollRequestParser.Parse("Q | " + string.Join(" | ", Enumerable.Range(1, 20).Select(i => $"o{i}")), Now);

        Assert.Contains("between 2 and 20 options; you gave 21", tooMany.Error, StringComparison.Ordinal);
        Assert.Contains("Option 2 is 81 characters long; the limit is 80", longOption.Error, StringComparison.Ordinal);
        Assert.Contains("301 characters long; the limit is 300", longQuestion.Error, StringComparison.Ordinal);
        Assert.True(twenty.Succeeded);
    }
}
