using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Reminders;
using static PolicyBot.Core.Tests.Reminders.ReminderTimeParserTests;

namespace PolicyBot.Core.Tests.Reminders;

public sealed class CountdownTextTests
{
    [Theory]
    [InlineData("12.14:59:00", "12 days")]
    [InlineData("6.23:59:59.700", "7 days")] // fired a fraction of a second late: still "7 days"
    [InlineData("2.00:00:00", "2 days")]
    [InlineData("1.05:00:00", "1 day 5 hours")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("05:10:00", "5 hours")]
    [InlineData("01:20:00", "1 hour 20 minutes")]
    [InlineData("00:45:00", "45 minutes")]
    [InlineData("00:01:00", "1 minute")]
    [InlineData("00:00:20", "less than a minute")]
    public void Countdowns_read_naturally(string remaining, string expected) =>
        Assert.Equal(expected, CountdownText.Until(TimeSpan.Parse(remaining, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2200.00:00:00", "6 years ago")]
    [InlineData("95.00:00:00", "3 months ago")]
    [InlineData("3.02:00:00", "3 days ago")]
    [InlineData("05:30:00", "5 hours ago")]
    [InlineData("00:12:00", "12 minutes ago")]
    [InlineData("00:00:10", "just now")]
    public void Elapsed_times_read_naturally(string elapsed, string expected) =>
        Assert.Equal(expected, CountdownText.Ago(TimeSpan.Parse(elapsed, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_seed_deadline_counts_down_like_the_article()
    {
        var deadline = SeedDeadline();

        // 19 Dec 2019, 09:00 in Pyongyang: the daily countdown post.
        var text = deadline.CountdownText(At("2019-12-19T00:00:00Z"));

        Assert.Equal("12 days until Pyongyang's year-end deadline, Tue 31 Dec, 23:59 KST", text);
    }

    [Fact]
    public void A_passed_deadline_says_how_long_ago_with_the_year()
    {
        var deadline = SeedDeadline();

        Assert.Equal(
            "Pyongyang's year-end deadline passed 6 years ago (Tue 31 Dec 2019, 23:59 KST)",
            deadline.PassedAgoText(At("2026-03-01T00:00:00Z")));
        Assert.Equal("Pyongyang's year-end deadline has passed (Tue 31 Dec, 23:59 KST).", deadline.PassedText(deadline.DueAt));
    }

    [Theory]
    [InlineData("Asia/Pyongyang", "2019-12-31T00:00:00Z", "KST")]
    [InlineData("Europe/Berlin", "2026-01-15T00:00:00Z", "CET")]
    [InlineData("Europe/Berlin", "2026-07-15T00:00:00Z", "CEST")]
    [InlineData("America/New_York", "2026-01-15T00:00:00Z", "EST")]
    [InlineData("America/New_York", "2026-07-15T00:00:00Z", "EDT")]
    [InlineData("UTC", "2026-07-15T00:00:00Z", "UTC")]
    public void Zone_labels_are_the_familiar_abbreviations(string zone, string at, string label) =>
        Assert.Equal(label, TimeZoneDirectory.Label(Zone(zone), At(at)));

    [Fact]
    public void Local_times_in_the_spring_gap_move_forward_and_autumn_repeats_take_the_first()
    {
        var berlin = Zone("Europe/Berlin");

        Assert.Equal(At("2026-03-29T01:30:00Z"), TimeZoneDirectory.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), berlin));
        Assert.Equal(At("2026-10-25T00:30:00Z"), TimeZoneDirectory.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), berlin));
    }

    [Fact]
    public void Bad_deadline_config_is_reported_with_its_key()
    {
        var errors = new List<string>();
        DeadlineCatalog.Parse(
            [new DeadlineOptions { Name = "x", Due = "31/12/2019", TimeZone = "Asia/Pyongyan", Offsets = ["7 days"], Cron = "every day" }],
            errors);

        Assert.Contains(errors, e => e.Contains("Reminders:Deadlines:0:Due", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("did you mean Asia/Pyongyang", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Offsets '7 days'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Cron 'every day'", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_dates_and_offsets_at_the_ends_of_the_calendar_are_reported_not_thrown()
    {
        var errors = new List<string>();
        DeadlineCatalog.Parse(
            [
                new DeadlineOptions { Name = "late", Due = "9999-12-31T23:59", TimeZone = "America/Los_Angeles" },
                new DeadlineOptions { Name = "early", Due = "0001-01-01T00:00", TimeZone = "Asia/Tokyo", Offsets = ["99999999999999d"] },
            ],
            errors);

        Assert.Contains("Reminders:Deadlines:0:Due '9999-12-31T23:59' must lie between the years 1970 and 9000.", errors);
        Assert.Contains("Reminders:Deadlines:1:Due '0001-01-01T00:00' must lie between the years 1970 and 9000.", errors);
        Assert.Contains(errors, e => e.Contains("Offsets '99999999999999d' must be a duration like 7d, 1d or 1h, at most 3653 days", StringComparison.Ordinal));
    }

    internal static Deadline SeedDeadline(bool mentionEveryone = false) =>
        new DeadlineCatalog(Options.Create(new RemindersOptions
        {
            Deadlines =
            [
                new DeadlineOptions
                {
                    Name = "Pyongyang's year-end deadline",
                    Due = "2019-12-31T23:59",
                    TimeZone = "Asia/Pyongyang",
                    Channels = [new DeadlineChannelOptions { Platform = "console", ChannelId = "general" }],
                    Cron = "0 9 * * *",
                    Offsets = ["7d", "1d", "1h"],
                    MentionEveryone = mentionEveryone,
                },
            ],
        })).Deadlines.Single();
}
