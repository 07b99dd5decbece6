using System.Text.Json;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Interactions;

namespace PolicyBot.Discord;

/// <summary>
/// Gateway dispatches in, work out: translation happens on the read loop (cheap, and the event's JSON is only valid
/// there); command handling and replies run in the background so one slow command never stalls the shard.
/// </summary>
public sealed class DiscordEventRouter(
    DiscordTranslator translator,
    MessageCommandResponder messages,
    InteractionResponder interactions,
    SlashCommandRegistrar registrar,
    DiscordBotIdentity identity,
    GuildCache guilds,
    DiscordWorkTracker work) : IGatewayDispatchHandler
{
    public void OnDispatch(int shardId, string eventName, JsonElement data)
    {
        switch (eventName)
        {
            case "READY":
                identity.OnReady(data.GetObject("user").GetString("id"), data.GetObject("application").GetString("id"));
                if (registrar.ShouldStart())
                {
                    work.Run("slash command registration", registrar.RegisterAsync);
                }

                break;

            case "MESSAGE_CREATE":
                if (translator.FromMessage(data) is { } invocation)
                {
                    var messageId = data.GetString("id");
                    work.Run("a message command", ct => messages.RespondAsync(invocation, messageId, ct));
                }

                break;

            case "INTERACTION_CREATE":
                if (translator.FromInteraction(data) is { } interaction)
                {
                    work.Run("an interaction", ct => interactions.RespondAsync(interaction, ct));
                }

                break;

            case "GUILD_CREATE" or "GUILD_UPDATE" or "GUILD_DELETE" or "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE" or "GUILD_ROLE_DELETE":
                guilds.Apply(eventName, data);
                break;
        }
    }
}
