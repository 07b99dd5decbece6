using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.Hosting;

[Collection(HostCollection.Name)]
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_and_readyz_answer_when_http_is_enabled()
    {
        using var folder = new ScratchFolder(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);
        using var stdin = new BlockingReader();
        using var host = BotHost.Build(
            ["--Http:Enabled=true", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={folder.Combine("bot.db")}"],
            services => services.AddSingleton(new ConsoleIo(stdin, TextWriter.Null)));
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var alive = await http.GetAsync("/healthz");
            var ready = await http.GetAsync("/readyz");

            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Metrics_count_commands_by_name_and_outcome_for_prometheus()
    {
        using var folder = new ScratchFolder(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);
        var output = new StringWriter();
        using var stdin = new BlockingReader("!help", "!nosuchcommand");
        using var host = BotHost.Build(
            ["--Metrics:Prometheus=true", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={folder.Combine("bot.db")}"],
            services => services.AddSingleton(new ConsoleIo(stdin, output)));
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            await stdin.Drained.WaitAsync(TimeSpan.FromSeconds(30));

            // Metric points are collected on scrape; the second line may still be finishing its reply when stdin drains.
            var metrics = await http.GetStringAsync("/metrics");
            for (var attempt = 0; attempt < 50 && !metrics.Contains("(unknown)", StringComparison.Ordinal); attempt++)
            {
                await Task.Yield();
                metrics = await http.GetStringAsync("/metrics");
            }

            var counters = metrics.Split('\n').Where(l => l.StartsWith("policybot_commands_total{", StringComparison.Ordinal)).ToArray();
            Assert.Contains(counters, l => l.Contains("command=\"help\",outcome=\"Handled\"", StringComparison.Ordinal) && (l.EndsWith("} 1", StringComparison.Ordinal) || l.Contains("} 1 ", StringComparison.Ordinal)));
            Assert.Contains(counters, l => l.Contains("command=\"(unknown)\",outcome=\"Unknown\"", StringComparison.Ordinal));
            Assert.DoesNotContain("nosuchcommand", metrics, StringComparison.Ordinal);
            Assert.Contains("policybot_command_duration_milliseconds_bucket", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>A stdin that yields some lines, then never ends, like an interactive terminal nobody types into.</summary>
    private sealed class BlockingReader(params string[] lines) : TextReader
    {
        private readonly Queue<string> _lines = new(lines);
        private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when every line was read and the previous one answered (the adapter asks for the next line only then).</summary>
        public Task Drained => _drained.Task;

        /// <summary>One line (with its line feed) per read, as the adapter reads in chunks; then blocks.</summary>
        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (_lines.TryDequeue(out var line))
            {
                (line + "\n").AsSpan().CopyTo(buffer.Span);
                return line.Length + 1;
            }

            _drained.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
