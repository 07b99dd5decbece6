using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Commands;

/// <summary>
/// Registers the catalog's slash commands once per process (bulk overwrite): per configured guild (instant), else
/// globally. Runs after READY, when the application id is surely known.
/// </summary>
public sealed partial class SlashCommandRegistrar(
    SlashCommandMap map,
    DiscordRestClient rest,
    DiscordBotIdentity identity,
    IOptions<DiscordOptions> options,
    ILogger<SlashCommandRegistrar> logger)
{
    private int _started;

    /// <summary>True once registration succeeded.</summary>
    public bool Registered { get; private set; }

    public bool ShouldStart() => options.Value.RegisterSlashCommands && Interlocked.Exchange(ref _started, 1) == 0;

    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var applicationId = await identity.WaitForApplicationIdAsync(cancellationToken).ConfigureAwait(false);
        var commands = map.BuildRegistration();
        try
        {
            if (options.Value.GuildIds.Length == 0)
            {
                await rest.BulkOverwriteCommandsAsync(applicationId, null, commands, cancellationToken).ConfigureAwait(false);
                LogRegistered(commands.Count, "globally");
            }
            else
            {
                foreach (var guildId in options.Value.GuildIds)
                {
                    await rest.BulkOverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken).ConfigureAwait(false);
                    LogRegistered(commands.Count, $"in guild {guildId}");
                }
            }

            Registered = true;
        }
        catch (DiscordRestException ex)
        {
            // Try again on the next READY; message commands keep working meanwhile.
            Interlocked.Exchange(ref _started, 0);
            LogFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands {Where}")]
    private partial void LogRegistered(int count, string where);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering Discord slash commands failed: {Error}")]
    private partial void LogFailed(string error);
}
