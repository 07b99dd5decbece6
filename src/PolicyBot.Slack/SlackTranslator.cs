using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Slack;

/// <summary>
/// Slack requests -> <see cref="CommandInvocation"/>. <c>/policy poll Best? | a | b</c> runs <c>poll</c>; a click on a
/// button whose action_id is <c>vote:12:3</c> runs <c>vote 12 3</c>; <c>@PolicyBot what is X?</c> runs <c>ask what is X?</c>.
/// Delivery ids are Slack's own (trigger id, event id, action timestamp; for a command without a trigger id, its
/// signature and timestamp or its envelope id), so a retry or a replay is recognised on any instance.
/// </summary>
public sealed partial class SlackTranslator(IOptions<SlackOptions> options, SlackBotIdentity identity)
{
    public const string HelpCommand = "help";
    public const string AskCommand = "ask";

    public CommandInvocation FromSlashCommand(SlashCommandRequest request)
    {
        var text = Unescape(request.Text).Trim();
        string name;
        string arguments;
        if (string.Equals(request.Command, options.Value.CommandName, StringComparison.OrdinalIgnoreCase))
        {
            var space = text.AsSpan().IndexOfAny(' ', '\n', '\t');
            name = (space < 0 ? text : text[..space]).ToLowerInvariant();
            arguments = space < 0 ? string.Empty : text[(space + 1)..].Trim();
            if (name.Length == 0)
            {
                name = HelpCommand;
            }
        }
        else
        {
            // A workspace may also register a command per feature (/ask, /poll): the slash command is then the name.
            name = request.Command.TrimStart('/').ToLowerInvariant();
            arguments = text;
        }

        var deliveryId = request.TriggerId.Length > 0 ? "slack:" + request.TriggerId
            : request.ReplayKey is { Length: > 0 } replay ? "slack:replay:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(replay)))[..32]
            : "slack:nodedupe:" + Guid.NewGuid().ToString("N");
        return new CommandInvocation(name, arguments, SenderFor(request.UserId, request.UserName),
            new ConversationRef(Platforms.Slack, request.ChannelId), deliveryId, InvocationSource.SlashCommand);
    }

    /// <summary>Null when the action id is not one of ours (a link button, a foreign app's id).</summary>
    public CommandInvocation? FromAction(BlockActionsRequest request, ClickedAction action)
    {
        if (!ActionId.TryParse(action.ActionId, out var name, out var arguments))
        {
            return null;
        }

        var conversation = new ConversationRef(Platforms.Slack, request.ChannelId, request.ThreadTs);
        var stamp = action.ActionTs.Length > 0 ? action.ActionTs : request.TriggerId;
        return new CommandInvocation(name, arguments, SenderFor(request.UserId, request.UserName), conversation,
            $"slack:action:{request.UserId}:{stamp}:{action.ActionId}", InvocationSource.Button)
        {
            SourceMessage = request.MessageTs is null ? null : new MessageRef(conversation, request.MessageTs),
        };
    }

    /// <summary>A mention is a question: everything but the bot's mention becomes the argument of <c>ask</c>.</summary>
    public CommandInvocation FromMention(MentionEvent mention)
    {
        var text = LeadingMentions().Replace(mention.Text, string.Empty);
        if (identity.Current?.UserId is { Length: > 0 } botUserId)
        {
            text = text.Replace($"<@{botUserId}>", string.Empty, StringComparison.Ordinal);
        }

        text = Unescape(text).Trim();
        return new CommandInvocation(text.Length == 0 ? HelpCommand : AskCommand, text,
            SenderFor(mention.UserId, mention.UserId),
            new ConversationRef(Platforms.Slack, mention.ChannelId, mention.ThreadTs ?? mention.Ts),
            "slack:" + mention.EventId, InvocationSource.Message);
    }

    private Sender SenderFor(string userId, string displayName) =>
        new(userId, displayName.Length > 0 ? displayName : userId, options.Value.IsAdmin(userId));

    /// <summary>Slack sends user text with &amp;, &lt; and &gt; escaped; the core works on what the user typed.</summary>
    internal static string Unescape(string text) =>
        text.Contains('&', StringComparison.Ordinal)
            ? text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            : text;

    [GeneratedRegex(@"^\s*(<@[UWB][A-Z0-9]+(\|[^>]*)?>\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMentions();
}
