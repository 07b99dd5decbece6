using PolicyBot.Core.Reminders;

namespace PolicyBot.Core.Tests.Reminders;

/// <summary>The <c>Reminders</c> options as the host binds and checks them at start-up.</summary>
public sealed class RemindersOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public void A_years_ahead_limit_out_of_range_stops_the_start_with_the_key_named(string value) =>
        Assert.Contains("Reminders:MaxYearsAhead must be between 1 and 100", ErrorFor("MaxYearsAhead", value), StringComparison.Ordinal);

    [Theory]
    [InlineData("LateGrace", "7.00:00:01", "Reminders:LateGrace must be between 00:00:00 and 7.00:00:00")]
    [InlineData("LateMarkAfter", "00:00:00", "Reminders:LateMarkAfter must be between 00:00:01 and 1.00:00:00")]
    [InlineData("MaxActivePerUser", "0", "Reminders:MaxActivePerUser must be between 1 and 10000")]
    [InlineData("MinRecurrenceInterval", "00:00:59", "Reminders:MinRecurrenceInterval must be between 00:01:00 and 7.00:00:00")]
    public void A_setting_out_of_range_stops_the_start_with_the_key_and_range_named(string key, string value, string expected) =>
        Assert.Contains(expected, ErrorFor(key, value), StringComparison.Ordinal);

    [Fact]
    public void An_empty_default_time_zone_stops_the_start_saying_one_is_required() =>
        Assert.Contains("Reminders:DefaultTimeZone is required: an IANA time zone", ErrorFor("DefaultTimeZone", ""), StringComparison.Ordinal);

    private static string ErrorFor(string key, string value) =>
        StartUpValidation.ErrorFor(services => services.AddReminders(), "Reminders:" + key, value).Message;
}
