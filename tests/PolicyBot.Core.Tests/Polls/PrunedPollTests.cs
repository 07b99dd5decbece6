using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>
/// Retention closes polls no job will (open-ended ones, overdue ones whose job is missing) and deletes long-closed ones in
/// the store; the service must not keep answering from a cached copy.
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

    [Fact]
    public async Task A_hidden_open_ended_poll_closed_by_retention_shows_its_counts_though_the_service_had_it_cached_open()
    {
        using var harness = new PollHarness();
        var poll = await harness.Store.CreateAsync(new PollDraft("Which concession first?", ["Lift sanctions", "Cancel drills"], 1, false, true,
            PollHarness.Alice.UserId, PollHarness.Channel, harness.Clock.GetUtcNow(), null), CancellationToken.None);
        await harness.RunAsync(harness.Vote, $"{poll.Id} 2", PollHarness.Bob);
        var whileOpen = await harness.RunAsync(harness.Results, $"{poll.Id}");

        // The sweep closes it in SQL, out of the service's sight.
        harness.Clock.Advance(TimeSpan.FromDays(31));
        await harness.Store.CloseAsync(poll.Id, harness.Clock.GetUtcNow(), CancellationToken.None);
        var afterClose = await harness.RunAsync(harness.Results, $"{poll.Id}");

        Assert.Contains("hidden until it closes", whileOpen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", afterClose.Text, StringComparison.Ordinal);
        Assert.Contains("` 1 (100%)", afterClose.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_poll_closed_and_pruned_by_retention_is_gone_for_results_though_the_service_had_it_cached()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills --closes 2h");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 1", PollHarness.Bob);
        var whileOpen = await harness.RunAsync(harness.Results, $"{poll.Id}");

        // Its close job was lost: the sweep closes it a day late, at its closing time, and deletes it much later.
        harness.Clock.Advance(TimeSpan.FromDays(2));
        await harness.Store.CloseAsync(poll.Id, poll.ClosesAt!.Value, CancellationToken.None);
        harness.Store.Prune(poll.Id);
        var afterPrune = await harness.RunAsync(harness.Results, $"{poll.Id}");

        Assert.Contains("` 1 (100%)", whileOpen.Text, StringComparison.Ordinal);
        Assert.True(afterPrune.IsError);
        Assert.Contains($"no poll #{poll.Id}", afterPrune.Text, StringComparison.Ordinal);
    }
}
