using System.Diagnostics;
using System.Net;
using PolicyBot.Core.Chat;
using PolicyBot.Slack.Tests.Http;
using PolicyBot.Slack.Tests.Infrastructure;

namespace PolicyBot.Slack.Tests;

/// <summary>
/// A popular poll: 1,000 signed clicks arrive together. Slack's deadline is per request (3 s), so each one is held to it;
/// the votes themselves run after the acknowledgement (coalescing card edits is the polls feature's PollCardUpdater).
/// </summary>
public sealed class ButtonBurstTests
{
    private const int Clicks = 1000;

    [Fact]
    public async Task A_burst_of_1000_clicks_is_all_acknowledged_within_slacks_deadline_and_every_vote_runs()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var bot = await SlackBotHost.StartAsync(slack);
        var slowest = TimeSpan.Zero;
        var statuses = new HttpStatusCode[Clicks];

        await Parallel.ForEachAsync(Enumerable.Range(0, Clicks), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var payload = SlackEventsEndpointTests.ButtonClick($"U{i:D5}", $"1750000100.{i:D6}", $"burst-{i}", baseUrl: slack.BaseUrl);
            var started = Stopwatch.GetTimestamp();
            using var response = await bot.PostSignedAsync(SlackBotHost.Form(("payload", payload)));
            var took = Stopwatch.GetElapsedTime(started);
            statuses[i] = response.StatusCode;
            lock (statuses)
            {
                slowest = took > slowest ? took : slowest;
            }
        });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"slowest acknowledgement took {slowest.TotalMilliseconds:N0} ms");

        var voters = new HashSet<string>();
        for (var i = 0; i < Clicks; i++)
        {
            var vote = await bot.Invocations.NextAsync();
            Assert.Equal(InvocationSource.Button, vote.Source);
            voters.Add(vote.Sender.UserId);
        }

        Assert.Equal(Clicks, voters.Count);
    }
}
