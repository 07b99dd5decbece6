using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Inbound;
using PolicyBot.Discord.Commands;
using PolicyBot.Discord.Gateway;
using PolicyBot.Discord.Interactions;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord;

/// <summary>
/// Gateway dispatches in, work out: translation happens on the read loop (cheap, and the event's JSON is only valid
/// there); commands go to the core's <see cref="InvocationPipeline"/>, which runs them in the background so one slow
/// command never stalls the shard, with a responder that speaks Discord's message or interaction wire.
/// </summary>
public sealed class DiscordEventRouter(
    DiscordTranslator translator,
    InvocationPipeline pipeline,
    BackgroundWork work,
    DiscordPlatform platform,
    DiscordRestClient rest,
    SlashCommandRegistrar registrar,
    DiscordBotIdentity identity,
    GuildCache guilds,
    IOptions<DiscordOptions> options,
    ILogger<InteractionResponder> interactionLogger) : IGatewayDispatchHandler
{
    private readonly TimeSpan _deferAfter = options.Value.InteractionDeferAfter;

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
                    pipeline.RunInBackground(invocation, new MessageCommandResponder(platform, invocation.Conversation, data.GetString("id"), _deferAfter));
                }

                break;

            case "INTERACTION_CREATE":
                if (translator.FromInteraction(data) is not { } interaction)
                {
                    break;
                }

                if (interaction.Invocation is { } command)
                {
                    pipeline.RunInBackground(command, new InteractionResponder(rest, interaction, command.Conversation, _deferAfter, interactionLogger));
                }
                else
                {
                    work.Start("a Discord interaction refusal", ct => InteractionResponder.RefuseAsync(rest, interaction, interactionLogger, ct));
                }

                break;

            case "GUILD_CREATE" or "GUILD_UPDATE" or "GUILD_DELETE" or "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE" or "GUILD_ROLE_DELETE":
                guilds.Apply(eventName, data);
                break;
        }
    }
}
