using Microsoft.Extensions.Configuration;

namespace PolicyBot.Hosting;

/// <summary>Which adapters run, decided from configuration: the console only when no platform has credentials.</summary>
public sealed record AdapterSelection(bool Discord, bool SlackHttp, bool SlackSocketMode, bool HttpEndpointsEnabled)
{
    public bool Console => !Discord && !SlackHttp && !SlackSocketMode;

    public bool Slack => SlackHttp || SlackSocketMode;

    /// <summary>Kestrel is started only when something needs it: Slack's HTTP endpoint or health/metrics endpoints.</summary>
    public bool NeedsWebServer => SlackHttp || HttpEndpointsEnabled;

    public static AdapterSelection From(IConfiguration configuration) => new(
        Discord: HasValue(configuration, "Discord:Token"),
        SlackHttp: HasValue(configuration, "Slack:SigningSecret"),
        SlackSocketMode: HasValue(configuration, "Slack:AppToken"),
        HttpEndpointsEnabled: configuration.GetValue("Http:Enabled", false));

    private static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
