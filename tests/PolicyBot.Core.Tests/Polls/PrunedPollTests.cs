namespace PolicyBot.Core.Tests.Polls;

/// <summary>Retention deletes long-closed polls from the store; the service must not keep answering from a cached copy.</summary>
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
}
