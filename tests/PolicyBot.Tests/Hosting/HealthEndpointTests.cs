using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_and_readyz_answer_when_http_is_enabled()
    {
        var folder = Path.Combine(Path.GetTempPath(), "policybot-e2e", Guid.NewGuid().ToString("N"));
        using var stdin = new BlockingReader();
        using var host = BotHost.Build(
            ["--Http:Enabled=true", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={Path.Combine(folder, "bot.db")}"],
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

    /// <summary>A stdin that never ends, like an interactive terminal nobody types into.</summary>
    private sealed class BlockingReader : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
