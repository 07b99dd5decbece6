using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PolicyBot.Core.Tests;

/// <summary>Options bound from configuration and checked as the host checks them before it starts.</summary>
internal static class StartUpValidation
{
    /// <summary>
    /// The error the start stops with when <paramref name="key"/> is set to <paramref name="value"/> for the services
    /// <paramref name="register"/> adds (every options class they register with ValidateOnStart is checked).
    /// </summary>
    public static OptionsValidationException ErrorFor(Func<IServiceCollection, IServiceCollection> register, string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = register(new ServiceCollection().AddSingleton<IConfiguration>(configuration)).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }
}
