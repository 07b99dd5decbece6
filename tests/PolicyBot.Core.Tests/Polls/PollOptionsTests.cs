using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>The <c>Polls</c> options as the host binds and checks them at start-up.</summary>
public sealed class PollOptionsTests
{
    [Theory]
    [InlineData("00:00:59")]
    [InlineData("366.00:00:01")]
    [InlineData("-1.00:00:00")]
    public void A_default_open_time_out_of_range_stops_the_start_with_the_key_named(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(value));

        Assert.Contains("Polls:DefaultOpenFor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_open_time_takes_the_range_closes_takes_and_defaults_to_30_days()
    {
        // The attribute's bounds are literals; these tie them to the limits --closes enforces.
        Assert.Equal(PollLimits.MinOpenDuration, Bind(PollLimits.MinOpenDuration.ToString("c", CultureInfo.InvariantCulture)).DefaultOpenFor);
        Assert.Equal(PollLimits.MaxOpenDuration, Bind(PollLimits.MaxOpenDuration.ToString("c", CultureInfo.InvariantCulture)).DefaultOpenFor);
        Assert.Equal(TimeSpan.FromDays(30), Bind(null).DefaultOpenFor);
    }

    [Theory]
    [InlineData("CardUpdateInterval", "00:10:01", "Polls:CardUpdateInterval must be between 00:00:00.100 and 00:10:00")]
    [InlineData("MaxListed", "0", "Polls:MaxListed must be between 1 and 50")]
    public void Another_setting_out_of_range_stops_the_start_with_the_key_and_range_named(string key, string value, string expected) =>
        Assert.Contains(expected, StartUpValidation.ErrorFor(services => services.AddPolls(), "Polls:" + key, value).Message, StringComparison.Ordinal);

    private static PollOptions Bind(string? defaultOpenFor)
    {
        var settings = new Dictionary<string, string?>();
        if (defaultOpenFor is not null)
        {
            settings["Polls:DefaultOpenFor"] = defaultOpenFor;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPolls().BuildServiceProvider();
        return services.GetRequiredService<IOptions<PollOptions>>().Value;
    }
}
