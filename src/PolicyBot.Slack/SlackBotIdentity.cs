using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack;

/// <summary>Who the bot is in the workspace, learned from <c>auth.test</c> at start (null until then or without a bot token).</summary>
public sealed class SlackBotIdentity
{
    private volatile SlackIdentity? _identity;

    public SlackIdentity? Current => _identity;

    public void Set(SlackIdentity identity) => _identity = identity;
}
