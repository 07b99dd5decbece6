using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicyBot.Cli;
using PolicyBot.Hosting;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Cli;

/// <summary>
/// SIGTERM goes through System.CommandLine first: if it ended the process before the host's graceful shutdown was
/// over, in-flight replies would be cut off and the process would exit 143 instead of 0.
/// </summary>
public sealed class TerminationWindowTests
{
    [Fact]
    public void The_command_line_waits_longer_for_a_stop_than_the_host_takes_to_stop()
    {
        using var folder = new ScratchFolder(beforeDelete: SqliteConnection.ClearAllPools);
        using var host = BotHost.Build([$"--Storage:ConnectionString={folder.Combine("bot.db")}"]);
        var hostTimeout = host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.True(BotCommandLine.Invocation.ProcessTerminationTimeout > hostTimeout,
            $"System.CommandLine ends the process {BotCommandLine.Invocation.ProcessTerminationTimeout} after SIGTERM; the host needs up to {hostTimeout}.");
    }
}
