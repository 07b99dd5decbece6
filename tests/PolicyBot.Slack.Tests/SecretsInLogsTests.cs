using System.Net;
using PolicyBot.Slack.Tests.Http;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests;

/// <summary>Tokens and the signing secret must never reach a log, at any level, on any path (errors included).</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task No_log_line_at_any_level_contains_a_token_or_the_signing_secret()
    {
        var logs = new CapturingLoggerProvider();
        await using var slack = await LoopbackSlack.StartAsync();
        slack.Script("chat.postMessage", new ScriptedAnswer(200, """{"ok":false,"error":"invalid_auth"}"""));
        await using (var bot = await SlackBotHost.StartAsync(slack, new Dictionary<string, string?> { ["AppToken"] = SlackBotHost.AppToken }, logs: logs))
        {
            await slack.NextSocketAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostSignedAsync(bot.SlashCommand("ask x"), secret: "forged")).StatusCode);
            await bot.PostSignedAsync(bot.SlashCommand("poll Tracked?"));
            await bot.PostSignedAsync(SlackBotHost.Form(("payload", SlackEventsEndpointTests.ButtonClick("U1", "1.1", "r9", baseUrl: slack.BaseUrl))));
            await slack.NextCallAsync("response");
            await bot.Invocations.NextAsync();
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("invalid_auth", StringComparison.Ordinal));
        foreach (var secret in new[] { SlackBotHost.BotToken, SlackBotHost.AppToken, SlackBotHost.SigningSecret, "/response/" })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
