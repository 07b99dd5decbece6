using Microsoft.Extensions.Configuration;

namespace PolicyBot.Hosting;

/// <summary>
/// The configuration layers, lowest first: <c>config/appsettings.json</c> (beside the binary), the optional
/// per-environment file, <c>config/poll-presets.json</c>, environment variables prefixed <c>POLICYBOT_</c>
/// (<c>POLICYBOT_Storage__ConnectionString</c>), then the command line (<c>--Storage:Provider=Postgres</c>).
/// </summary>
public static class BotConfiguration
{
    public const string EnvironmentPrefix = "POLICYBOT_";

    public static string ConfigFolder => Path.Combine(AppContext.BaseDirectory, "config");

    public static void Apply(IConfigurationManager configuration, string environmentName, string[] commandLine)
    {
        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(ConfigFolder, "appsettings.json"), optional: false, reloadOnChange: false)
            .AddJsonFile(Path.Combine(ConfigFolder, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(ConfigFolder, "poll-presets.json"), optional: true, reloadOnChange: false)
            // ASP.NET Core's own variables (ASPNETCORE_URLS) keep working for the HTTP listener address.
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(commandLine);
    }
}
