using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>Runs the real host with the console adapter over in-memory stdin/stdout and a temporary SQLite file.</summary>
public sealed class ConsoleSession : IDisposable
{
    public ConsoleSession()
    {
        Folder = Path.Combine(Path.GetTempPath(), "policybot-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "policybot.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>Feeds <paramref name="input"/> as stdin, runs until end of input, returns stdout.</summary>
    public Task<string> RunAsync(string input, params string[] extraConfig) => RunAsync(new StringReader(input), extraConfig);

    public async Task<string> RunAsync(TextReader input, params string[] extraConfig)
    {
        var output = new StringWriter(new StringBuilder());
        string[] config =
        [
            $"--Storage:ConnectionString={DatabasePath}",
            $"--Console:AttachmentsPath={Path.Combine(Folder, "attachments")}",
            .. extraConfig,
        ];
        using var host = BotHost.Build(config, services => services.AddSingleton(new ConsoleIo(input, output)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "The console session did not finish at end of input.");
        return output.ToString();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the OS cleans temp files.
        }
    }
}
