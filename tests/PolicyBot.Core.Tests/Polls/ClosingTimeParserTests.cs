using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

public sealed class ClosingTimeParserTests
{
    private static readonly DateTimeOffset Now = PollHarness.Start;

    [Theory]
    [InlineData("2h", 2 * 60)]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1w", 7 * 24 * 60)]
    [InlineData("1d12h", 36 * 60)]
    [InlineData("1D 12H", 36 * 60)]
    public void Durations_count_from_now(string text, int minutes)
    {
        var parsed = ClosingTimeParser.Parse(text, Now);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(Now.AddMinutes(minutes), parsed.Value);
    }

    [Theory]
    [InlineData("2026-12-31 18:00 Europe/Berlin", "2026-12-31T17:00:00Z")] // winter: UTC+1
    [InlineData("2026-07-01 18:00 Europe/Berlin", "2026-07-01T16:00:00Z")] // summer: UTC+2
    [InlineData("2026-12-31 18:00", "2026-12-31T18:00:00Z")]
    [InlineData("2026-12-31 18:00 UTC", "2026-12-31T18:00:00Z")]
    [InlineData("2026-12-31T09:30 -05:00", "2026-12-31T14:30:00Z")]
    public void Dates_are_read_in_their_zone(string text, string expectedUtc)
    {
        var parsed = ClosingTimeParser.Parse(text, Now);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData("soon", "can't read")]
    [InlineData("2026-12-31 18:00 Mars/Olympus", "time zone `Mars/Olympus`")]
    [InlineData("2026-02-30 18:00", "not a real date")]
    [InlineData("2026-12-31 25:00", "`25:00` is not a time: hours go from 0 to 23.")]
    [InlineData("2026-12-31 9:60", "`9:60` is not a time: minutes go from 00 to 59.")]
    [InlineData("30s", "less than a minute away; a poll stays open at least a minute")]
    [InlineData("9999-12-31 23:59 America/Los_Angeles", "at most 366 days")]
    [InlineData("0001-01-01 00:00 Asia/Tokyo", "in the past")]
    [InlineData("99999999999999999999d", "at most 366 days")]
    [InlineData("2026-12-31 18:00 +15:00", "at most 14 hours")]
    [InlineData("2026-01-01 10:00", "in the past")]
    [InlineData("0m", "in the past")]
    [InlineData("400d", "at most 366 days")]
    [InlineData("2026-03-29 02:30 Europe/Berlin", "does not exist")]
    public void Bad_times_get_a_clear_message(string text, string expected)
    {
        var parsed = ClosingTimeParser.Parse(text, Now);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_examples_in_refusals_show_the_date_as_a_format_never_a_date_that_will_pass()
    {
        var refusal = ClosingTimeParser.Parse("soonish", Now);

        Assert.Contains(ClosingTimeParser.Examples, refusal.Error, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD 18:00", ClosingTimeParser.Examples, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", ClosingTimeParser.Examples);
    }
}
