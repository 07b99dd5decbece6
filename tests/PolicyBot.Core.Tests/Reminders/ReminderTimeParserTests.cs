using System.Globalization;
using PolicyBot.Core.Reminders;

namespace PolicyBot.Core.Tests.Reminders;

public sealed class ReminderTimeParserTests
{
    // Wednesday 25 March 2026, 11:00 in Berlin (CET, UTC+1); summer time starts on Sunday the 29th.
    private static readonly DateTimeOffset Now = At("2026-03-25T10:00:00Z");
    private static readonly TimeZoneInfo Berlin = Zone("Europe/Berlin");

    [Theory]
    [InlineData("in 30s stretch", "2026-03-25T10:00:30Z", "stretch")]
    [InlineData("in 90m check the oven", "2026-03-25T11:30:00Z", "check the oven")]
    [InlineData("in 2 days renew the visa", "2026-03-27T10:00:00Z", "renew the visa")]
    [InlineData("in 1h30m tea", "2026-03-25T11:30:00Z", "tea")]
    [InlineData("in 1 hour 15 minutes tea", "2026-03-25T11:15:00Z", "tea")]
    [InlineData("in 2w review", "2026-04-08T10:00:00Z", "review")]
    [InlineData("tomorrow 09:00 call Anna", "2026-03-26T08:00:00Z", "call Anna")]
    [InlineData("tomorrow call Anna", "2026-03-26T08:00:00Z", "call Anna")]
    [InlineData("today 17:00 leave", "2026-03-25T16:00:00Z", "leave")]
    [InlineData("fri 17:00 weekly report", "2026-03-27T16:00:00Z", "weekly report")]
    [InlineData("Friday 5pm weekly report", "2026-03-27T16:00:00Z", "weekly report")]
    [InlineData("wed 09:00 passed today, so next week in summer time", "2026-04-01T07:00:00Z", "passed today, so next week in summer time")]
    [InlineData("wed 12:00 later today", "2026-03-25T11:00:00Z", "later today")]
    [InlineData("17:00 bare time today", "2026-03-25T16:00:00Z", "bare time today")]
    [InlineData("at 9am bare time tomorrow", "2026-03-26T08:00:00Z", "bare time tomorrow")]
    [InlineData("2026-04-01T09:00 budget vote", "2026-04-01T07:00:00Z", "budget vote")]
    [InlineData("2026-04-01 09:00 budget vote", "2026-04-01T07:00:00Z", "budget vote")]
    [InlineData("2026-04-01 budget vote", "2026-04-01T07:00:00Z", "budget vote")]
    [InlineData("2026-04-01T09:00Z budget vote", "2026-04-01T09:00:00Z", "budget vote")]
    [InlineData("2026-04-01T09:00+09:00 budget vote", "2026-04-01T00:00:00Z", "budget vote")]
    [InlineData("tomorrow 09:00 Asia/Seoul call Seoul", "2026-03-26T00:00:00Z", "call Seoul")]
    [InlineData("2026-04-01T09:00 america/new_york lower-case zone", "2026-04-01T13:00:00Z", "lower-case zone")]
    [InlineData("in 5m buy  milk @everyone", "2026-03-25T10:05:00Z", "buy  milk @everyone")]
    // "at" between a day or date and its time is part of the time, with or without a zone after it.
    [InlineData("tomorrow at 5pm call Anna", "2026-03-26T16:00:00Z", "call Anna")]
    [InlineData("tomorrow AT 9:30 call Anna", "2026-03-26T08:30:00Z", "call Anna")]
    [InlineData("today at 17:00 leave", "2026-03-25T16:00:00Z", "leave")]
    [InlineData("fri at 17:00 weekly report", "2026-03-27T16:00:00Z", "weekly report")]
    [InlineData("Friday at 5pm weekly report", "2026-03-27T16:00:00Z", "weekly report")]
    [InlineData("2026-04-01 at 9:30 budget vote", "2026-04-01T07:30:00Z", "budget vote")]
    [InlineData("tomorrow at noon Asia/Seoul call Seoul", "2026-03-26T03:00:00Z", "call Seoul")]
    [InlineData("2026-04-01 at 09:00 America/New_York budget vote", "2026-04-01T13:00:00Z", "budget vote")]
    // An "at" that no time follows stays in the text.
    [InlineData("tomorrow 10am meet at the office", "2026-03-26T09:00:00Z", "meet at the office")]
    [InlineData("tomorrow at the office party", "2026-03-26T08:00:00Z", "at the office party")]
    [InlineData("fri at 5 drinks", "2026-03-27T08:00:00Z", "at 5 drinks")]
    [InlineData("2026-04-01 at the town hall", "2026-04-01T07:00:00Z", "at the town hall")]
    public void One_off_times_are_read_in_the_users_zone_unless_one_is_given(string arguments, string expectedUtc, string expectedText)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Error);
        Assert.Equal(At(expectedUtc), result.Value!.FirstDueAt);
        Assert.Equal(expectedText, result.Value.Text);
        Assert.Null(result.Value.Cron);
    }

    [Theory]
    [InlineData("every day 09:00 water the plants", "0 9 * * *", "2026-03-26T08:00:00Z", "Europe/Berlin", "water the plants")]
    [InlineData("every day 09:00 Europe/Berlin water the plants", "0 9 * * *", "2026-03-26T08:00:00Z", "Europe/Berlin", "water the plants")]
    [InlineData("every monday 09:00 team sync", "0 9 * * 1", "2026-03-30T07:00:00Z", "Europe/Berlin", "team sync")]
    [InlineData("every weekday 8:30 standup", "30 8 * * 1-5", "2026-03-26T07:30:00Z", "Europe/Berlin", "standup")]
    [InlineData("every \"30 8 * * 1-5\" standup", "30 8 * * 1-5", "2026-03-26T07:30:00Z", "Europe/Berlin", "standup")]
    [InlineData("every 30 8 * * 1-5 UTC standup", "30 8 * * 1-5", "2026-03-26T08:30:00Z", "UTC", "standup")]
    // "at" before the time of a recurring day is part of the time; with no time after it, it stays in the text.
    [InlineData("every monday at 9am team sync", "0 9 * * 1", "2026-03-30T07:00:00Z", "Europe/Berlin", "team sync")]
    [InlineData("every day at 07:30 Asia/Tokyo stretch", "30 7 * * *", "2026-03-25T22:30:00Z", "Asia/Tokyo", "stretch")]
    [InlineData("every weekday at 8:30am standup", "30 8 * * 1-5", "2026-03-26T07:30:00Z", "Europe/Berlin", "standup")]
    [InlineData("every monday at the office sync", "0 9 * * 1", "2026-03-30T07:00:00Z", "Europe/Berlin", "at the office sync")]
    public void Recurring_rules_become_cron_in_a_zone(string arguments, string cron, string firstUtc, string zone, string text)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Error);
        Assert.Equal(cron, result.Value!.Cron);
        Assert.Equal(At(firstUtc), result.Value.FirstDueAt);
        Assert.Equal(Zone(zone).Id, result.Value.Zone.Id);
        Assert.Equal(text, result.Value.Text);
    }

    [Theory]
    [InlineData("2026-12-07T09:00:00Z")]
    [InlineData("2031-02-28T23:30:00Z")]
    [InlineData("2044-06-15T12:00:00Z")]
    public void The_examples_offered_in_refusals_are_read_whenever_a_member_copies_them(string now)
    {
        // A member copies an example as it is: none may name a time that has passed by then.
        foreach (var example in ReminderTimeParser.Examples)
        {
            var line = ReminderTimeParser.Parse(example, At(now), Berlin);
            Assert.True(line.Succeeded, $"{example}: {line.Error}");
            Assert.True(line.Value!.FirstDueAt > At(now), example);
        }

        foreach (var when in ReminderTimeParser.TimeExamples)
        {
            var alone = ReminderTimeParser.Parse(when, "call Anna", At(now), Berlin);
            Assert.True(alone.Succeeded, $"{when}: {alone.Error}");
            Assert.True(alone.Value!.FirstDueAt > At(now), when);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("whenever you like do it")]
    [InlineData("in soon tea")]
    [InlineData("today tea")]
    [InlineData("today at the office")]
    [InlineData("every fortnight tea")]
    public void Unreadable_times_get_examples(string arguments)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Value);
        Assert.True(result.ShowExamples);
        Assert.Contains("couldn't read", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tomorrow 25:00 call", "`25:00` is not a time: hours go from 0 to 23.")]
    [InlineData("25:00 no such hour", "`25:00` is not a time: hours go from 0 to 23.")]
    [InlineData("tomorrow 9:60 call", "`9:60` is not a time: minutes go from 00 to 59.")]
    [InlineData("tomorrow at 25:00 call", "`25:00` is not a time: hours go from 0 to 23.")]
    [InlineData("every day at 13pm water", "`13pm` is not a time: with am or pm the hour goes from 1 to 12.")]
    [InlineData("fri 13pm report", "`13pm` is not a time: with am or pm the hour goes from 1 to 12.")]
    [InlineData("at 0am report", "`0am` is not a time: with am or pm the hour goes from 1 to 12.")]
    [InlineData("tomorrow 9:5 call", "`9:5` is not a time: write the minutes with two digits, e.g. `9:05`.")]
    [InlineData("every day 24:00 water", "`24:00` is not a time: hours go from 0 to 23.")]
    [InlineData("every monday 10:75 sync", "`10:75` is not a time: minutes go from 00 to 59.")]
    [InlineData("2026-04-01T25:00 vote", "`25:00` is not a time: hours go from 0 to 23.")]
    [InlineData("2026-04-01 9:99 vote", "`9:99` is not a time: minutes go from 00 to 59.")]
    [InlineData("2026-04-01T09:00:61 vote", "is not a time: seconds go from 00 to 59.")]
    [InlineData("2026-02-30T09:00 no such day", "`2026-02-30` is not a real date.")]
    [InlineData("2026-13-01 vote", "`2026-13-01` is not a real date.")]
    public void A_time_or_date_out_of_range_is_refused_with_the_reason_not_read_as_text(string arguments, string expected)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Value);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(result.ShowExamples);
    }

    [Theory]
    [InlineData("in 9999999d x")]
    [InlineData("in 999999999999999999999 s x")]
    [InlineData("in 99999999999999999999999999999999999999999999999999w x")]
    [InlineData("in 1900 days x")]
    [InlineData("9999-12-31T23:59 America/Los_Angeles x")]
    [InlineData("9999-12-31T23:59-08:00 x")]
    [InlineData("2032-01-01T09:00 x")]
    public void Times_beyond_the_limit_are_refused_with_the_limit_named(string arguments)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin, maxYearsAhead: 5);
        Assert.Equal("That is more than 5 years ahead; reminders can be set at most 5 years ahead.", result.Error);
    }

    [Theory]
    [InlineData("0001-01-01T00:00 Asia/Tokyo x")]
    [InlineData("0001-01-01T00:00+14:00 x")]
    [InlineData("1999-12-31 x")]
    public void Dates_long_past_are_refused_without_being_converted(string arguments)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Contains("has already passed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_duration_is_refused()
    {
        Assert.Contains("longer than zero", ReminderTimeParser.Parse("in 0s tea", Now, Berlin).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_zone_shaped_like_an_iana_name_is_refused_not_read_as_text()
    {
        var result = ReminderTimeParser.Parse("2027-01-01T10:00 Mars/Olympus launch", Now, Berlin);

        Assert.Contains("I don't know the time zone `Mars/Olympus`", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-01-01T09:00 too late")]
    [InlineData("today 08:00 too late")]
    public void Times_in_the_past_are_refused(string arguments)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Contains("already passed", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tomorrow 09:00 Europe/Berln call", "Europe/Berlin")]
    [InlineData("every day 09:00 Asia/Seol call", "Asia/Seoul")]
    public void An_unknown_zone_gets_the_closest_suggestion(string arguments, string suggestion)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Contains($"Did you mean `{suggestion}`", result.Error, StringComparison.Ordinal);
        Assert.False(result.ShowExamples);
    }

    [Fact]
    public void A_reminder_needs_text()
    {
        Assert.Contains("What should I remind you of", ReminderTimeParser.Parse("in 30s", Now, Berlin).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slash_in_the_text_is_not_taken_for_a_zone()
    {
        var result = ReminderTimeParser.Parse("in 1h a/b test results", Now, Berlin);

        Assert.Equal("a/b test results", result.Value!.Text);
    }

    internal static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    internal static TimeZoneInfo Zone(string id) => TimeZoneDirectory.TryFind(id, out var zone) ? zone : throw new ArgumentException(id);
}
