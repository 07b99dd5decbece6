using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Inbound;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests.Http;

/// <summary>With <c>Slack:TeamIds</c> set, only those workspaces are served: commands, clicks and mentions alike.</summary>
public sealed class TeamAllowListTests : IAsyncLifetime
{
    private LoopbackSlack _slack = null!;
    private SlackBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await LoopbackSlack.StartAsync();
        _bot = await SlackBotHost.StartAsync(_slack, new Dictionary<string, string?> { ["TeamIds:0"] = "T1" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_command_from_another_workspace_is_refused_politely_and_not_run()
    {
        var foreign = _bot.SlashCommand("ask who are you?").Replace("team_id=T1", "team_id=T666", StringComparison.Ordinal);

        var refused = await _bot.PostSignedAsync(foreign);
        var served = await _bot.PostSignedAsync(_bot.SlashCommand("ask who are you?"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Contains("not available in this workspace", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Single(_bot.Invocations.All);
    }

    [Fact]
    public async Task Clicks_and_mentions_from_another_workspace_are_acknowledged_and_ignored()
    {
        var click = SlackEventsEndpointTests.ButtonClick("U3", "1750000004.000001", "foreign", baseUrl: _slack.BaseUrl)
            .Replace("\"T1\"", "\"T666\"", StringComparison.Ordinal);
        var mention = """
            {"type":"event_callback","team_id":"T666","api_app_id":"A1","event_id":"Ev0666","event_time":1750000000,
             "event":{"type":"app_mention","user":"U7","text":"<@UBOT> ask from afar?","ts":"1750000000.000100","channel":"C5","event_ts":"1750000000.000100"}}
            """;

        var clicked = await _bot.PostSignedAsync(SlackBotHost.Form(("payload", click)));
        var mentioned = await _bot.PostSignedAsync(mention, "application/json");
        await _bot.PostSignedAsync(_bot.SlashCommand("ask served?"));
        // A served mention would run in the background: drain it, so its absence is a fact and not a race.
        await _bot.Services.GetRequiredService<BackgroundWork>().StopAsync(CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (clicked.StatusCode, mentioned.StatusCode));
        var only = Assert.Single(_bot.Invocations.All);
        Assert.Equal(("ask", "served?"), (only.Name, only.Arguments));
    }

    [Fact]
    public void Team_ids_that_are_not_slack_ids_stop_the_start()
    {
        var options = new SlackOptions { TeamIds = ["T1", "workspace"] };

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true);

        Assert.Equal("Slack:TeamIds has 'workspace', which is not a Slack team id (T…) or enterprise id (E…).", Assert.Single(errors).ErrorMessage);
    }
}
