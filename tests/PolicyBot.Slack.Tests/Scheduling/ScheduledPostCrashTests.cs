using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.Tests.Infrastructure;
using PolicyBot.Slack.WebApi;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Slack.Tests.Scheduling;

/// <summary>
/// A scheduled post survives kill -9 at every point between its claim and its completion with exactly one message in
/// Slack: the job's key rides in the message metadata, a retry finds it in the channel's history before posting, and
/// the job records the post before anything else.
/// </summary>
public sealed class ScheduledPostCrashTests : IAsyncLifetime, ICrashTestPlatform
{
    private static readonly Sender Owner = new("U0ADA", "Ada");

    private LoopbackSlack _slack = null!;
    private FakeTimeProvider? _latestClock;

    public async Task InitializeAsync()
    {
        _slack = await LoopbackSlack.StartAsync();
        _slack.Now = () => _latestClock!.GetUtcNow(); // Slack stamps messages with the time of the process that posts
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_process_killed_anywhere_around_a_scheduled_post_leaves_one_message_in_20_of_20_runs()
    {
        for (var run = 0; run < 20; run++)
        {
            await ScheduledPostCrash.RunAsync(run, this, new ConversationRef(Platforms.Slack, $"C0RUN{run:D2}"), Owner);
        }

        Assert.Equal(20, _slack.Messages.Count);
        Assert.All(_slack.Messages, m => Assert.Equal(ScheduledPostMetadata.EventType, m.Metadata!.Value.GetProperty("event_type").GetString()));
        var retries = _slack.CallsTo("conversations.history").Count();
        Assert.InRange(retries, 1, 20); // only retries look at the history
    }

    Task<(IChatPlatform Platform, IAsyncDisposable Process)> ICrashTestPlatform.StartProcessAsync(FakeTimeProvider clock, InterruptibleConnections life)
    {
        _latestClock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackBotHost.BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Slack:ChannelMessageInterval"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.None));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSlackAdapter(configuration);
        services.AddHttpClient(SlackWebApiClient.HttpClientName).AddHttpMessageHandler(() => new DyingHttpHandler(life));
        var provider = services.BuildServiceProvider();
        return Task.FromResult<(IChatPlatform, IAsyncDisposable)>((provider.GetRequiredService<SlackPlatform>(), provider));
    }

    void ICrashTestPlatform.AfterNextPost(Func<bool> hook) =>
        _slack.AfterPosting = _ =>
        {
            _slack.AfterPosting = null;
            return hook();
        };

    int ICrashTestPlatform.CountPosts(string channelId, string text) =>
        _slack.Messages.Count(m => m.Channel == channelId && m.Text.Contains(text, StringComparison.Ordinal));
}
