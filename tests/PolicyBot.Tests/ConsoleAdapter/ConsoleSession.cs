using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>Runs the real host with the console adapter over in-memory stdin/stdout and a temporary SQLite file.</summary>
public sealed class ConsoleSession : IDisposable
{
    private readonly ScratchFolder _folder = new(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);

    public string Folder => _folder.Path;

    public string DatabasePath => _folder.Combine("policybot.db");

    /// <summary>Feeds <paramref name="input"/> as stdin, runs until end of input, returns stdout.</summary>
    public Task<string> RunAsync(string input, params string[] extraConfig) => RunAsync(new StringReader(input), extraConfig);

    public async Task<string> RunAsync(TextReader input, params string[] extraConfig)
    {
        var output = new StringWriter(new StringBuilder());
        string[] config =
        [
            $"--Storage:ConnectionString={DatabasePath}",
            $"--Console:AttachmentsPath={_folder.Combine("attachments")}",
            .. extraConfig,
        ];
        using var host = BotHost.Build(config, services => services.AddSingleton(new ConsoleIo(input, output)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "The console session did not finish at end of input.");
        return output.ToString();
    }

    public void Dispose() => _folder.Dispose();
}
