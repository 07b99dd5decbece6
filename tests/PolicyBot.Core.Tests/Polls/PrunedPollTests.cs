using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>
/// Retention closes old open-ended polls and deletes long-closed ones in the store; the service must not keep answering
/// from a cached copy.
/// </summary>
public sealed class PrunedPollTests
{
    [Fact]
    public async Task A_closed_poll_pruned_from_the_store_is_gone_for_results_not_shown_with_no_votes()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 1");
        await harness.RunAsync(harness.Close, $"{poll.Id}");
        var beforePrune = await harness.RunAsync(harness.Results, $"{poll.Id}");

        harness.Store.Prune(poll.Id);
        var afterPrune = await harness.RunAsync(harness.Results, $"{poll.Id}");

        Assert.False(beforePrune.IsError, beforePrune.Text);
        Assert.True(afterPrune.IsError);
        Assert.Contains($"no poll #{poll.Id}", afterPrune.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_ended_poll_closed_by_retention_refuses_votes_though_the_service_had_it_cached_open()
    {
        using var harness = new PollHarness();

        // Made before every poll got a closing time, so only retention closes it.
        var poll = await harness.Store.CreateAsync(new PollDraft("Which concession first?", ["Lift sanctions", "Cancel drills"], 1, false, false,
            PollHarness.Alice.UserId, PollHarness.Channel, harness.Clock.GetUtcNow(), null), CancellationToken.None);
        Assert.Null((await harness.Service.GetAsync(poll.Id, CancellationToken.None))!.ClosedAt);
        await harness.Store.CloseAsync(poll.Id, harness.Clock.GetUtcNow(), CancellationToken.None);

        var vote = await harness.RunAsync(harness.Vote, $"{poll.Id} 1", PollHarness.Bob);

        Assert.True(vote.IsError);
        Assert.Contains($"Poll #{poll.Id} is closed", vote.Text, StringComparison.Ordinal);
        Assert.NotNull((await harness.Service.GetAsync(poll.Id, CancellationToken.None))!.ClosedAt);
    }
}
