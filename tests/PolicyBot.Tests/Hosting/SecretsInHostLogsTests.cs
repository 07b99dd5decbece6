using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Hosting;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Hosting;

/// <summary>
/// The whole host with Discord and Slack (HTTP and Socket Mode) configured, logging everything at Trace to the real
/// console logger: no secret may appear, neither in the console text nor in any log state or exception. The platform
/// APIs point at a loopback port nobody listens on, so every call fails fast and nothing leaves the machine.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SecretsInHostLogsTests
{
    private const string DiscordToken = "MTIzNDU2Nzg5.discord-secret-token.abcdefghij";
    private const string SlackBotToken = "xoxb-1111-2222-slack-secret-bot-token";
    private const string SlackAppToken = "xapp-1-A111-3333-slack-secret-app-token";
    private const string SlackSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5-signing";
    private const string ModelApiKey = "sk-model-secret-api-key-0815";

    [Theory]
    [InlineData("json")]
    [InlineData("simple")]
    public async Task Starting_failing_to_connect_and_stopping_at_trace_never_logs_a_secret(string format)
    {
        var deadPort = UnusedLoopbackPort();
        using var folder = new ScratchFolder(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);
        var capture = new CapturingProvider(
            "Discord gateway discovery failed", "Connecting to Slack Socket Mode failed", "Slack");
        var console = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Synchronized(console));
        Console.SetError(TextWriter.Synchronized(console));
        try
        {
            using (var host = BotHost.Build(
                [
                    $"--Discord:Token={DiscordToken}",
                    $"--Discord:ApiBaseUrl=http://127.0.0.1:{deadPort}/api/v10/",
                    "--Discord:RegisterSlashCommands=false",
                    $"--Slack:BotToken={SlackBotToken}",
                    $"--Slack:AppToken={SlackAppToken}",
                    $"--Slack:SigningSecret={SlackSigningSecret}",
                    $"--Slack:ApiBaseUrl=http://127.0.0.1:{deadPort}/api/",
                    $"--Knowledge:Generation:Endpoint=http://127.0.0.1:{deadPort}/v1",
                    "--Knowledge:Generation:Model=llama3.2",
                    $"--Knowledge:Generation:ApiKey={ModelApiKey}",
                    "--urls=http://127.0.0.1:0",
                    $"--Storage:ConnectionString={folder.Combine("bot.db")}",
                    $"--Logging:Format={format}",
                    "--Logging:LogLevel:Default=Trace",
                    "--Logging:LogLevel:Microsoft=Trace",
                    "--Logging:LogLevel:System=Trace",
                    "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Trace",
                ],
                services => services.AddSingleton<ILoggerProvider>(capture)))
            {
                // Bounded: a dependency cycle among the platforms once hung start-up forever without a word.
                await Task.Run(() => host.StartAsync()).WaitAsync(TimeSpan.FromSeconds(60));
                var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                using (var http = new HttpClient { BaseAddress = new Uri(address) })
                {
                    // A forged request to the Slack endpoint: its rejection is logged too.
                    using var forged = new StringContent("command=%2Fpolicy&text=help", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                    forged.Headers.Add("X-Slack-Request-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    forged.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));
                    var answer = await http.PostAsync("/slack/events", forged);
                    Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
                }
                await capture.AllSeen.WaitAsync(TimeSpan.FromSeconds(30));
                await host.StopAsync();
            } // disposing the host flushes the console logger's queue
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        var written = console.ToString();
        Assert.Contains("Discord gateway discovery failed", written, StringComparison.Ordinal); // the console logger did write
        Assert.True(capture.Texts.Count > 20, $"only {capture.Texts.Count} log entries captured");
        foreach (var secret in new[] { DiscordToken, SlackBotToken, SlackAppToken, SlackSigningSecret, ModelApiKey })
        {
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
            Assert.DoesNotContain(capture.Texts, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Records every message, every state value, every scope and exception text; completes when each expected phrase was logged.</summary>
    private sealed class CapturingProvider(params string[] expected) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentDictionary<string, byte> _pending = new(expected.Select(e => KeyValuePair.Create(e, (byte)0)));
        private readonly TaskCompletionSource _allSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Texts { get; } = new();

        public Task AllSeen => _allSeen.Task;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private void Record(string category, string message, object? state, Exception? exception)
        {
            Texts.Enqueue(message);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (_, value) in values)
                {
                    Texts.Enqueue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            _scopes.ForEachScope((scope, texts) => texts.Enqueue(Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), Texts);
            if (exception is not null)
            {
                Texts.Enqueue(exception.ToString());
            }

            foreach (var phrase in _pending.Keys)
            {
                if (message.Contains(phrase, StringComparison.Ordinal) || (phrase == "Slack" && category.EndsWith("SlackStartupCheck", StringComparison.Ordinal)))
                {
                    _pending.TryRemove(phrase, out _);
                }
            }

            if (_pending.IsEmpty)
            {
                _allSeen.TrySetResult();
            }
        }

        private sealed class Logger(CapturingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Record(category, formatter(state, exception), state, exception);
        }
    }
}
