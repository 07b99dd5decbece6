using System.Text.Json;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Discord.Commands;

namespace PolicyBot.Discord;

public enum InteractionKind
{
    SlashCommand,
    Button,
    Unsupported,

    /// <summary>From a guild (or a DM) outside <see cref="DiscordOptions.GuildIds"/>.</summary>
    NotServed,
}

/// <summary>An INTERACTION_CREATE as the adapter needs it: how to answer it, and the command it stands for (if any).</summary>
public sealed record DiscordInteraction(
    string Id,
    string Token,
    string? ApplicationId,
    InteractionKind Kind,
    CommandInvocation? Invocation);

/// <summary>
/// Turns gateway events into platform-neutral <see cref="CommandInvocation"/>s. Delivery ids are <c>discord:</c> plus the
/// message or interaction id, so a replayed event after a resume is handled once.
/// </summary>
public sealed class DiscordTranslator(
    CommandRouter router,
    SlashCommandMap slashCommands,
    DiscordAdminPolicy adminPolicy,
    DiscordBotIdentity identity,
    IOptions<DiscordOptions> options)
{
    public const string DeliveryPrefix = "discord:";

    private readonly string? _prefixOverride = options.Value.Prefix;

    /// <summary>A MESSAGE_CREATE that is a command, or null (chat, bots, our own messages, webhooks, guilds not served).</summary>
    public CommandInvocation? FromMessage(JsonElement message)
    {
        var author = message.GetObject("author");
        var authorId = author.GetString("id");
        var messageId = message.GetString("id");
        var channelId = message.GetString("channel_id");
        var content = message.GetString("content");
        if (authorId is null || messageId is null || channelId is null || string.IsNullOrEmpty(content)
            || author.GetBool("bot") || author.GetBool("system") || authorId == identity.UserId || message.GetString("webhook_id") is not null)
        {
            return null;
        }

        var guildId = message.GetString("guild_id");
        var text = NormalisePrefix(content);
        if (text is null || !options.Value.Serves(guildId))
        {
            return null;
        }

        var member = message.GetObject("member");
        var sender = new Sender(authorId, DisplayName(author, member), adminPolicy.IsAdminFromMessage(guildId, authorId, member));
        var invocation = router.ParseMessage(text, sender, new ConversationRef(Platforms.Discord, channelId), DeliveryPrefix + messageId);

        // A reply names the message it answers; a thread opened on a message has that message's id as its channel id.
        return invocation is null ? null : invocation with { RepliedToMessageId = message.GetObject("message_reference").GetString("message_id") };
    }

    public DiscordInteraction? FromInteraction(JsonElement interaction)
    {
        var id = interaction.GetString("id");
        var token = interaction.GetString("token");
        if (id is null || token is null)
        {
            return null;
        }

        var applicationId = interaction.GetString("application_id") ?? identity.ApplicationId;
        if (!options.Value.Serves(interaction.GetString("guild_id")))
        {
            return new DiscordInteraction(id, token, applicationId, InteractionKind.NotServed, null);
        }

        var type = interaction.GetInt("type");
        var channelId = interaction.GetString("channel_id") ?? interaction.GetObject("channel").GetString("id");
        var member = interaction.GetObject("member");
        var user = member.Exists() ? member.GetObject("user") : interaction.GetObject("user");
        var userId = user.GetString("id");
        if (channelId is null || userId is null)
        {
            return new DiscordInteraction(id, token, applicationId, InteractionKind.Unsupported, null);
        }

        var sender = new Sender(userId, DisplayName(user, member), adminPolicy.IsAdminFromInteraction(member));
        var conversation = new ConversationRef(Platforms.Discord, channelId);
        var data = interaction.GetObject("data");
        var deliveryId = DeliveryPrefix + id;
        switch (type)
        {
            case 2 when data.GetString("name") is { } name && slashCommands.TryGet(name, out var command):
                var (text, values) = SlashArguments(command, data);
                return new DiscordInteraction(id, token, applicationId, InteractionKind.SlashCommand, new CommandInvocation(
                    command.Declaration.Name, text, sender, conversation, deliveryId, InvocationSource.SlashCommand) { Values = values });

            case 3 when data.GetString("custom_id") is { } customId && ActionId.TryParse(customId, out var commandName, out var arguments):
                var sourceMessageId = interaction.GetObject("message").GetString("id");
                return new DiscordInteraction(id, token, applicationId, InteractionKind.Button, new CommandInvocation(
                    commandName, arguments, sender, conversation, deliveryId, InvocationSource.Button)
                {
                    SourceMessage = sourceMessageId is null ? null : new MessageRef(conversation, sourceMessageId),
                });

            default:
                return new DiscordInteraction(id, token, applicationId, InteractionKind.Unsupported, null);
        }
    }

    /// <summary>
    /// The options as the command declares them: typed by each argument's kind (an integer option arrives as a number and
    /// stays one), and joined in declared order as the text a typed command line would carry, for commands that read text.
    /// </summary>
    private static (string Text, CommandValues Values) SlashArguments(SlashCommand command, JsonElement data)
    {
        var sent = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var option in data.GetArray("options"))
        {
            if (option.GetString("name") is { } optionName && option.TryGetProperty("value", out var value))
            {
                sent[optionName] = value;
            }
        }

        var values = new CommandValues.Builder();
        var words = new List<string>(command.Options.Length);
        foreach (var (optionName, argument) in command.Options)
        {
            if (!sent.TryGetValue(optionName, out var value))
            {
                continue;
            }

            if (argument.Kind == ArgumentKind.Integer && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            {
                values.AddInteger(argument, number);
            }
            else if (argument.Kind == ArgumentKind.Text && value.ValueKind == JsonValueKind.String)
            {
                values.AddText(argument, value.GetString() ?? string.Empty);
            }

            if (AsText(value) is { Length: > 0 } word)
            {
                words.Add(word);
            }
        }

        return (string.Join(' ', words), values.Build());
    }

    private static string AsText(JsonElement value) => (value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => string.Empty,
    }).Trim();

    /// <summary>Accepts the Discord prefix override and a leading bot mention, rewritten to the router's prefix.</summary>
    private string? NormalisePrefix(string content)
    {
        var trimmed = content.TrimStart();
        if (identity.UserId is { } self)
        {
            foreach (var mention in (ReadOnlySpan<string>)[$"<@{self}>", $"<@!{self}>"])
            {
                if (trimmed.StartsWith(mention, StringComparison.Ordinal))
                {
                    return router.Prefix + trimmed[mention.Length..].TrimStart();
                }
            }
        }

        if (_prefixOverride is { Length: > 0 } prefix && prefix != router.Prefix)
        {
            return trimmed.StartsWith(prefix, StringComparison.Ordinal) ? router.Prefix + trimmed[prefix.Length..] : null;
        }

        return trimmed;
    }

    private static string DisplayName(JsonElement user, JsonElement member) =>
        member.GetString("nick") ?? user.GetString("global_name") ?? user.GetString("username") ?? user.GetString("id") ?? "someone";
}
