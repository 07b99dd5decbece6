using System.Text.Json;
using PolicyBot.Core.Inbound;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Gateway;

namespace PolicyBot.Discord;

/// <summary>
/// Gateway dispatches in, work out: translation happens on the read loop (cheap, and the event's JSON is only valid
/// there); commands go to the core's <see cref="InvocationPipeline"/>, which runs them in the background so one slow
/// command never stalls the shard, with a responder that speaks Discord's message or interaction wire.
/// </summary>
public sealed class DiscordEventRouter(
    DiscordTranslator translator,
    InvocationPipeline pipeline,
    DiscordResponders responders,
    BackgroundWork work,
    SlashCommandRegistrar registrar,
    DiscordBotIdentity identity,
    GuildCache guilds) : IGatewayDispatchHandler
{
    public void OnDispatch(int shardId, string eventName, JsonElement data)
    {
        switch (eventName)
        {
            case "READY":
                identity.OnReady(data.GetObject("user").GetString("id"), data.GetObject("application").GetString("id"));
                if (registrar.ShouldStart())
                {
                    work.Start("Discord slash command registration", registrar.RegisterAsync);
                }

                break;

            case "MESSAGE_CREATE":
                if (translator.FromMessage(data) is { } invocation)
                {
                    pipeline.RunInBackground(invocation, responders.ForMessage(invocation.Conversation, data.GetString("id")));
                }

                break;

            case "INTERACTION_CREATE":
                if (translator.FromInteraction(data) is not { } interaction)
                {
                    break;
                }

                if (interaction.Invocation is { } command)
                {
                    pipeline.RunInBackground(command, responders.ForInteraction(interaction, command.Conversation));
                }
                else
                {
                    work.Start("a Discord interaction refusal", ct => responders.RefuseAsync(interaction, ct));
                }

                break;

            case "GUILD_CREATE" or "GUILD_UPDATE" or "GUILD_DELETE" or "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE" or "GUILD_ROLE_DELETE":
                guilds.Apply(eventName, data);
                break;
        }
    }
}
