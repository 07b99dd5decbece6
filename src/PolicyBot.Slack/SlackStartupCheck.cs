using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

/// <summary>
/// <c>auth.test</c> at start: proves the bot token works and learns the bot's user id (to strip its mention from
/// questions). A failure is logged, not fatal: Slack being briefly unreachable must not keep the bot down.
/// </summary>
public sealed partial class SlackStartupCheck(SlackWebApiClient api, SlackBotIdentity identity, ILogger<SlackStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!api.HasBotToken)
        {
            LogNoBotToken();
            return;
        }

        try
        {
            var me = await api.AuthTestAsync(cancellationToken).ConfigureAwait(false);
            identity.Set(me);
            LogIdentity(me.UserId, me.TeamId);
        }
        catch (SlackApiException ex)
        {
            LogRejected(ex.Error);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot is {UserId} in team {TeamId}")]
    private partial void LogIdentity(string userId, string teamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack rejected the bot token at auth.test ({Error}); check Slack:BotToken")]
    private partial void LogRejected(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack was unreachable for auth.test at start")]
    private partial void LogUnreachable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack:BotToken is not set: answers go only through response_url; no posts, edits or uploads")]
    private partial void LogNoBotToken();
}
