using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Slack;
using PolicyBot.Slack.Http;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Signed slash commands per second and latency on loopback: PolicyBot's Slack endpoint against @slack/bolt doing the
/// same work (verify the v0 signature, parse the form, route "/policy ask …", escape, answer inline with Block Kit).
/// Each server runs in its own process; this process is the load driver (closed loop, N connections, keep-alive).
/// <code>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- slack [--seconds 10] [--rounds 5] [--warmup 10] [--concurrency 32] [--skip-bolt]</code>
/// Bolt needs <c>npm ci</c> in tests/PolicyBot.Benchmarks/bolt first.
/// </summary>
public static class SlackBenchmark
{
    private const string SigningSecret = "benchmark-signing-secret-4f2a9c";
    private const string ReadyLine = "listening";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = IntOption(args, "--seconds", 10);
        var warmup = IntOption(args, "--warmup", 10);
        var rounds = IntOption(args, "--rounds", 5);
        var concurrency = IntOption(args, "--concurrency", 32);
        var servers = new List<(string Name, Process Process, int Port)>();
        try
        {
            var policyPort = FreePort();
            var policyBot = StartSelf("slack-serve", "--port", policyPort.ToString(CultureInfo.InvariantCulture));
            servers.Add(("PolicyBot (.NET, Kestrel)", policyBot, policyPort));
            await WaitForReadyAsync(policyBot);

            var boltDirectory = args.Contains("--skip-bolt") ? null : FindBoltDirectory();
            if (boltDirectory is null || !Directory.Exists(Path.Combine(boltDirectory, "node_modules")))
            {
                Console.Error.WriteLine("Bolt baseline skipped: run `npm ci` in tests/PolicyBot.Benchmarks/bolt first.");
            }
            else
            {
                var boltPort = FreePort();
                var bolt = StartProcess("node", boltDirectory, ["server.js"], new()
                {
                    ["PORT"] = boltPort.ToString(CultureInfo.InvariantCulture),
                    ["SLACK_SIGNING_SECRET"] = SigningSecret,
                });
                servers.Add(($"@slack/bolt {BoltVersion(boltDirectory)} (Node {NodeVersion()})", bolt, boltPort));
                await WaitForReadyAsync(bolt);
            }

            // Rounds alternate between the servers so a busy neighbour on a shared machine hurts both alike.
            var clients = servers.Select(s => Client(s.Port, concurrency)).ToArray();
            var samples = servers.Select(_ => new Samples()).ToArray();
            for (var i = 0; i < servers.Count; i++)
            {
                await RunLoadAsync(clients[i], TimeSpan.FromSeconds(warmup), concurrency, new Samples());
            }

            var slice = TimeSpan.FromSeconds((double)seconds / rounds);
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < servers.Count; i++)
                {
                    await RunLoadAsync(clients[i], slice, concurrency, samples[i]);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"Signed slash commands, loopback, {concurrency} connections, {rounds} alternating rounds, {seconds} s measured per server after {warmup} s warm-up; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine("| server | requests/s | p50 ms | p99 ms | max ms | errors |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var results = samples.Select(s => s.Summarise()).ToArray();
            for (var i = 0; i < servers.Count; i++)
            {
                var r = results[i];
                Console.WriteLine(FormattableString.Invariant($"| {servers[i].Name} | {r.RequestsPerSecond:N0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F2} | {r.Errors} |"));
            }

            if (results.Length == 2)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"PolicyBot/Bolt throughput: {results[0].RequestsPerSecond / results[1].RequestsPerSecond:F2}x (target ≥ 4x); PolicyBot p99 {results[0].P99:F2} ms (target ≤ 10 ms at 32 connections)"));
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }

            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var server in servers)
            {
                Stop(server.Process);
                server.Process.Dispose();
            }
        }
    }

    /// <summary>PolicyBot's Slack endpoint alone, as the host wires it, with a command doing the same work as Bolt's.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var port = IntOption(args, "--port", 3100);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        AddEndpoint(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The services <see cref="ServeAsync"/> runs, without a web server (for <see cref="SlackProfile"/>).</summary>
    internal static ServiceProvider EndpointServices()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationManager();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        AddEndpoint(services, configuration);
        return services.BuildServiceProvider();
    }

    private static void AddEndpoint(IServiceCollection services, IConfigurationManager configuration)
    {
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Commands:RateLimitBurst"] = "1000",
        });
        services.AddSingleton<IDeliveryLog, MemoryDeliveryLog>();
        services.AddCommandCore();
        services.AddCommand<EchoAskCommand>();
        services.AddSlackAdapter(configuration);
    }

    private static HttpClient Client(int port, int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };

    private static long _sequence;

    /// <summary>A closed loop: each of <paramref name="concurrency"/> workers sends, waits for the answer, sends again.</summary>
    private static async Task RunLoadAsync(HttpClient client, TimeSpan duration, int concurrency, Samples samples)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(50_000);
            var errors = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var request = SignedSlashCommand(Interlocked.Increment(ref _sequence));
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK || !body.Contains("in_channel", StringComparison.Ordinal))
                    {
                        errors++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            return (latencies, errors);
        })));
        samples.Add(Stopwatch.GetElapsedTime(started).TotalSeconds, perWorker.SelectMany(w => w.latencies), perWorker.Sum(w => w.errors));
    }

    /// <summary>A slash command exactly as Slack would send and sign it; each has its own trigger id (no dedupe shortcut).</summary>
    private static HttpRequestMessage SignedSlashCommand(long sequence)
    {
        var (body, timestamp, signature) = SignedSlashCommandBody(sequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    internal static (byte[] Body, string Timestamp, string Signature) SignedSlashCommandBody(long sequence)
    {
        var form =
            $"token=legacy&team_id=T1&team_domain=bench&channel_id=C1&channel_name=general&user_id=U{sequence % 10_000}&user_name=bench" +
            $"&command=%2Fpolicy&text=ask+is+%3C%21channel%3E+%26+co+pinged%3F+{sequence}" +
            $"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx&trigger_id={sequence}.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var body = Encoding.UTF8.GetBytes(form);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (body, timestamp, SlackSignatureVerifier.Sign(SigningSecret, timestamp, body));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static Process StartSelf(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var isDotnetHost = Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var fullArgs = isDotnetHost ? args.Prepend(typeof(SlackBenchmark).Assembly.Location).ToArray() : args;
        return StartProcess(self, Environment.CurrentDirectory, fullArgs, []);
    }

    private static Process StartProcess(string file, string directory, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
    }

    private static async Task WaitForReadyAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(ReadyLine, StringComparison.Ordinal))
            {
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException("The server exited before it was ready.");
    }

    private static void Stop(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBoltDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "PolicyBot.Benchmarks", "bolt"), Path.Combine(dir.FullName, "bolt") })
            {
                if (File.Exists(Path.Combine(candidate, "server.js")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string BoltVersion(string boltDirectory)
    {
        var package = Path.Combine(boltDirectory, "node_modules", "@slack", "bolt", "package.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(package));
        return json.RootElement.GetProperty("version").GetString() ?? "?";
    }

    private static string NodeVersion()
    {
        using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        var version = node.StandardOutput.ReadToEnd().Trim();
        node.WaitForExit();
        return version;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record LoadResult(double RequestsPerSecond, double P50, double P99, double Max, int Errors);

    private sealed class Samples
    {
        private readonly List<double> _latencies = [];
        private double _seconds;
        private int _errors;

        public void Add(double seconds, IEnumerable<double> latencies, int errors)
        {
            _seconds += seconds;
            _latencies.AddRange(latencies);
            _errors += errors;
        }

        public LoadResult Summarise()
        {
            var sorted = _latencies.Order().ToArray();
            return new LoadResult(sorted.Length / _seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], _errors);
        }
    }

    private sealed class MemoryDeliveryLog : IDeliveryLog
    {
        private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

        public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult(_seen.TryAdd(deliveryId, 0));

    public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult(_seen.ContainsKey(deliveryId));
    }

    /// <summary>The work Bolt's handler does too: name and arguments out of the text, an escaped inline Block Kit answer.</summary>
    private sealed class EchoAskCommand : ICommandHandler
    {
        public CommandDeclaration Definition { get; } = new("ask", "Echo the question (benchmark).", "<question>");

        public Task<Reply> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
            Task.FromResult(new Reply($"You asked: **{invocation.Arguments}**") { Title = invocation.Name });
    }
}
