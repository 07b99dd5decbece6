using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Discord.Rest;
using PolicyBot.Discord.Tests.Fakes;
using PolicyBot.Discord.Tests.Loopback;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Discord.Tests.Scheduling;

/// <summary>
/// A scheduled post survives kill -9 at every point between its claim and its completion with exactly one message on
/// Discord: the message nonce (enforced) is derived from the job, and the job records the post before anything else.
/// </summary>
public sealed class ScheduledPostCrashTests : IAsyncLifetime, ICrashTestPlatform
{
    private static readonly Sender Owner = new("112233445566778899", "Ada");

    private LoopbackDiscord _discord = null!;

    public async Task InitializeAsync() => _discord = await LoopbackDiscord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task A_process_killed_anywhere_around_a_scheduled_post_leaves_one_message_in_20_of_20_runs()
    {
        for (var run = 0; run < 20; run++)
        {
            var channel = new ConversationRef(Platforms.Discord, (900_000_000_000_000_000L + run).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await ScheduledPostCrash.RunAsync(run, this, channel, Owner);
        }

        Assert.Equal(20, _discord.Messages.Select(m => m.ChannelId).Distinct().Count());
        Assert.All(_discord.Messages, m => Assert.Equal(24, m.Nonce!.Length));
    }

    Task<(IChatPlatform Platform, IAsyncDisposable Process)> ICrashTestPlatform.StartProcessAsync(FakeTimeProvider clock, InterruptibleConnections life)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordTestHost.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.None));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new PostedMessageTracker([]));
        services.AddDiscordAdapter(configuration);
        services.AddHttpClient(DiscordRestClient.HttpClientName).AddHttpMessageHandler(() => new DyingHttpHandler(life));
        var provider = services.BuildServiceProvider();
        return Task.FromResult<(IChatPlatform, IAsyncDisposable)>((provider.GetRequiredService<DiscordPlatform>(), provider));
    }

    void ICrashTestPlatform.AfterNextPost(Func<bool> hook) =>
        _discord.AfterCreating = _ =>
        {
            _discord.AfterCreating = null;
            return hook();
        };

    int ICrashTestPlatform.CountPosts(string channelId, string text) =>
        _discord.Messages.Count(m => m.ChannelId == channelId && m.Json.ToString().Contains(text, StringComparison.Ordinal));
}
