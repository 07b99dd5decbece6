using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Tests.Scheduling;

/// <summary>The <c>Scheduling</c> options as the host binds and checks them at start-up.</summary>
public sealed class SchedulingOptionsTests
{
    [Theory]
    [InlineData("LeaseDuration", "00:00:04", "Scheduling:LeaseDuration must be between 00:00:05 and 01:00:00")]
    [InlineData("MaxPollInterval", "00:01:01", "Scheduling:MaxPollInterval must be between 00:00:00.050 and 00:01:00")]
    [InlineData("BatchSize", "0", "Scheduling:BatchSize must be between 1 and 10000")]
    [InlineData("MaxConcurrency", "65", "Scheduling:MaxConcurrency must be between 1 and 64")]
    public void A_setting_out_of_range_stops_the_start_with_the_key_and_range_named(string key, string value, string expected) =>
        Assert.Contains(expected, StartUpValidation.ErrorFor(services => services.AddScheduling(), "Scheduling:" + key, value).Message, StringComparison.Ordinal);
}
