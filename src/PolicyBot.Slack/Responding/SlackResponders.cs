using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.WebApi;

namespace PolicyBot.Slack.Responding;

/// <summary>Makes the responder for each kind of Slack request, with the inline budget every one of them works to.</summary>
public sealed class SlackResponders(
    SlackReplySender sender,
    SlackPlatform platform,
    SlackWebApiClient api,
    IOptions<SlackOptions> options,
    ILogger<SlackMentionResponder> mentionLogger)
{
    private readonly TimeSpan _inlineBudget = options.Value.InlineReplyBudget;

    public SlashCommandResponder ForSlashCommand(ConversationRef conversation, SlashCommandRequest request, bool inlineAllowed) =>
        new(sender, new SlackReplyTarget(conversation, request.UserId, request.ResponseUrl), inlineAllowed, _inlineBudget);

    public ButtonClickResponder ForClick(ConversationRef conversation, BlockActionsRequest request) =>
        new(sender, new SlackReplyTarget(conversation, request.UserId, request.ResponseUrl), _inlineBudget);

    /// <summary>Without a bot token no notice can be posted, so there is nothing to do at the budget.</summary>
    public SlackMentionResponder ForMention(ConversationRef conversation, MentionEvent mention) =>
        new(sender, platform, new SlackReplyTarget(conversation, mention.UserId, ResponseUrl: null), api.HasBotToken ? _inlineBudget : null, mentionLogger);
}
