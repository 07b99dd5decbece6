using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Reminders;

namespace PolicyBot.Core.Tests.Reminders;

/// <summary>The <c>Reminders</c> options as the host binds and checks them at start-up.</summary>
public sealed class RemindersOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public void A_years_ahead_limit_out_of_range_stops_the_start_with_the_key_named(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(value));

        Assert.Contains("Reminders:MaxYearsAhead must be between 1 and 100", error.Message, StringComparison.Ordinal);
    }

    private static RemindersOptions Bind(string maxYearsAhead)
    {
        var settings = new Dictionary<string, string?> { ["Reminders:MaxYearsAhead"] = maxYearsAhead };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddReminders().BuildServiceProvider();
        return services.GetRequiredService<IOptions<RemindersOptions>>().Value;
    }
}
