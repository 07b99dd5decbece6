using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PolicyBot.Slack.Tests;

/// <summary>
/// Slack's durations are TimeSpans in configuration; the old integer keys stop the start instead of being ignored, and so
/// does a setting out of its range, naming its key.
/// </summary>
public sealed class SlackOptionsTests
{
    [Fact]
    public void Durations_bind_as_timespans_and_default_to_slacks_limits()
    {
        var defaults = Options([]);
        var set = Options(new()
        {
            ["Slack:InlineReplyBudget"] = "00:00:01.500",
            ["Slack:SignatureWindow"] = "00:02:00",
            ["Slack:ChannelMessageInterval"] = "00:00:00.250",
            ["Slack:SocketModeStagger"] = "00:00:30",
        });

        Assert.Equal(
            (TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)),
            (defaults.InlineReplyBudget, defaults.SignatureWindow, defaults.ChannelMessageInterval, defaults.SocketModeStagger));
        Assert.Equal(
            (TimeSpan.FromMilliseconds(1500), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30)),
            (set.InlineReplyBudget, set.SignatureWindow, set.ChannelMessageInterval, set.SocketModeStagger));
    }

    [Theory]
    [InlineData("InlineReplyBudgetMilliseconds", "2000", "Slack:InlineReplyBudget instead")]
    [InlineData("SignatureWindowSeconds", "300", "Slack:SignatureWindow instead")]
    [InlineData("ChannelMessageIntervalMilliseconds", "1000", "Slack:ChannelMessageInterval instead")]
    [InlineData("SocketModeStaggerSeconds", "10", "Slack:SocketModeStagger instead")]
    [InlineData("InlineReplyBudget", "00:00:03", "Slack:InlineReplyBudget must be between")]
    [InlineData("SignatureWindow", "00:00:00", "Slack:SignatureWindow must be between")]
    [InlineData("SocketModeConnections", "11", "Slack:SocketModeConnections must be between 1 and 10")]
    [InlineData("MaxRequestBodyBytes", "1023", "Slack:MaxRequestBodyBytes must be between 1024 and 10485760")]
    public void An_old_duration_or_a_setting_out_of_range_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Slack:" + key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CommandName", "", "Slack:CommandName is required")]
    [InlineData("CommandName", "policy", "Slack:CommandName must be / followed by 1 to 31 lowercase letters")]
    [InlineData("ApiBaseUrl", "", "Slack:ApiBaseUrl is required")]
    [InlineData("ApiBaseUrl", "slack.com/api/", "Slack:ApiBaseUrl must be a URL starting with https://")]
    [InlineData("EventsPath", "", "Slack:EventsPath is required")]
    [InlineData("EventsPath", "slack/events", "Slack:EventsPath must start with /")]
    public void A_missing_or_malformed_setting_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Slack:" + key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static SlackOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSlackAdapter(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SlackOptions>>().Value;
    }
}
