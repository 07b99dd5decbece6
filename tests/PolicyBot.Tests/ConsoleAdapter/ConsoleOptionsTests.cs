using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>The <c>Console</c> options as the host registers and checks them at start-up when the console is the adapter.</summary>
public sealed class ConsoleOptionsTests
{
    [Theory]
    [InlineData("UserName", "", "Console:UserName is required")]
    [InlineData("UserName", "two words", "Console:UserName must be 1 to 32 ASCII letters, digits, _, . or -")]
    [InlineData("AttachmentsPath", "", "Console:AttachmentsPath is required")]
    public void A_missing_or_malformed_setting_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Console:" + key] = value }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        AdapterRegistration.AddAdapters(services, configuration, new AdapterSelection(Discord: false, SlackHttp: false, SlackSocketMode: false, HttpEndpointsEnabled: false));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
