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
    public void One_off_times_are_read_in_the_users_zone_unless_one_is_given(string arguments, string expectedUtc, string expectedText)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Error);
        Assert.Equal(At(expectedUtc), result.Schedule!.FirstDueAt);
        Assert.Equal(expectedText, result.Schedule.Text);
        Assert.Null(result.Schedule.Cron);
    }

    [Theory]
    [InlineData("every day 09:00 water the plants", "0 9 * * *", "2026-03-26T08:00:00Z", "Europe/Berlin")]
    [InlineData("every day 09:00 Europe/Berlin water the plants", "0 9 * * *", "2026-03-26T08:00:00Z", "Europe/Berlin")]
    [InlineData("every monday 09:00 team sync", "0 9 * * 1", "2026-03-30T07:00:00Z", "Europe/Berlin")]
    [InlineData("every weekday 8:30 standup", "30 8 * * 1-5", "2026-03-26T07:30:00Z", "Europe/Berlin")]
    [InlineData("every \"30 8 * * 1-5\" standup", "30 8 * * 1-5", "2026-03-26T07:30:00Z", "Europe/Berlin")]
    [InlineData("every 30 8 * * 1-5 UTC standup", "30 8 * * 1-5", "2026-03-26T08:30:00Z", "UTC")]
    public void Recurring_rules_become_cron_in_a_zone(string arguments, string cron, string firstUtc, string zone)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Error);
        Assert.Equal(cron, result.Schedule!.Cron);
        Assert.Equal(At(firstUtc), result.Schedule.FirstDueAt);
        Assert.Equal(Zone(zone).Id, result.Schedule.Zone.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("whenever you like do it")]
    [InlineData("in soon tea")]
    [InlineData("today tea")]
    [InlineData("2026-02-30T09:00 no such day")]
    [InlineData("25:00 no such hour")]
    [InlineData("every fortnight tea")]
    public void Unreadable_times_get_examples(string arguments)
    {
        var result = ReminderTimeParser.Parse(arguments, Now, Berlin);

        Assert.Null(result.Schedule);
        Assert.True(result.ShowExamples);
        Assert.Contains("couldn't read", result.Error, StringComparison.Ordinal);
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

        Assert.Equal("a/b test results", result.Schedule!.Text);
    }

    internal static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    internal static TimeZoneInfo Zone(string id) => TimeZoneDirectory.TryFind(id, out var zone) ? zone : throw new ArgumentException(id);
}
