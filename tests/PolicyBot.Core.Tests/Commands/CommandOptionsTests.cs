using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Tests.Commands;

/// <summary>The <c>Commands</c> options as the host binds and checks them at start-up.</summary>
public sealed class CommandOptionsTests
{
    [Theory]
    [InlineData("MaxMessageLength", "99", "Commands:MaxMessageLength must be between 100 and 100000")]
    [InlineData("RateLimitBurst", "0", "Commands:RateLimitBurst must be between 1 and 1000")]
    [InlineData("RateLimitPeriod", "01:00:01", "Commands:RateLimitPeriod must be between 00:00:00.010 and 01:00:00")]
    public void A_setting_out_of_range_stops_the_start_with_the_key_and_range_named(string key, string value, string expected) =>
        Assert.Contains(expected, ErrorFor(key, value), StringComparison.Ordinal);

    [Theory]
    [InlineData("", "Commands:Prefix is required: 1 to 5 characters")]
    [InlineData("  ", "Commands:Prefix is required: 1 to 5 characters")]
    [InlineData("!!!!!!", "Commands:Prefix must be between 1 and 5 characters long")]
    public void An_empty_or_long_prefix_stops_the_start_with_the_key_named(string value, string expected) =>
        Assert.Contains(expected, ErrorFor("Prefix", value), StringComparison.Ordinal);

    private static string ErrorFor(string key, string value) =>
        StartUpValidation.ErrorFor(services => services.AddCommandCore(), "Commands:" + key, value).Message;
}
