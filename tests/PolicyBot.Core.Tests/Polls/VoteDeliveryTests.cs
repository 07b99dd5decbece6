using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Tests.Commands;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>
/// Votes are deduplicated once, by the ballot store with the ballot, not by the router's delivery log: a redelivered
/// vote changes nothing and sends nothing, and the delivery log never sees a vote.
/// </summary>
public sealed class VoteDeliveryTests
{
    [Fact]
    public async Task A_redelivered_vote_is_a_silent_duplicate_even_after_a_later_vote_and_skips_the_delivery_log()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var log = new CountingDeliveryLog();
        var router = TestRouter.Create([harness.Vote, harness.Unvote], log: log);

        var first = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var second = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 2", deliveryId: "evt-b"), CancellationToken.None);
        var repeat = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);

        Assert.Equal((CommandOutcomeKind.Handled, CommandOutcomeKind.Handled), (first.Kind, second.Kind));
        Assert.Equal(CommandOutcomeKind.Duplicate, repeat.Kind);
        Assert.Null(repeat.Reply);
        Assert.Equal(new[] { 0, 1 }, (await harness.TallyAsync(poll.Id)).Counts.ToArray());
        Assert.Equal(0, log.Calls);
    }

    [Fact]
    public async Task A_redelivered_unvote_is_a_silent_duplicate_and_other_commands_still_use_the_delivery_log()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var log = new CountingDeliveryLog();
        var router = TestRouter.Create([harness.Vote, harness.Unvote, harness.Results], log: log);
        await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);

        var withdrawn = await router.DispatchAsync(harness.Invocation("unvote", $"{poll.Id}", deliveryId: "evt-u"), CancellationToken.None);
        var repeat = await router.DispatchAsync(harness.Invocation("unvote", $"{poll.Id}", deliveryId: "evt-u"), CancellationToken.None);
        var results = await router.DispatchAsync(harness.Invocation("results", $"{poll.Id}", deliveryId: "evt-r"), CancellationToken.None);
        var resultsAgain = await router.DispatchAsync(harness.Invocation("results", $"{poll.Id}", deliveryId: "evt-r"), CancellationToken.None);

        Assert.Contains("withdrawn", withdrawn.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal((CommandOutcomeKind.Duplicate, null), (repeat.Kind, repeat.Reply));
        Assert.Equal((CommandOutcomeKind.Handled, CommandOutcomeKind.Duplicate), (results.Kind, resultsAgain.Kind));
        Assert.Equal(2, log.Calls);
    }

    private sealed class CountingDeliveryLog : IDeliveryLog
    {
        private readonly InMemoryDeliveryLog _inner = new();

        public int Calls { get; private set; }

        public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken)
        {
            Calls++;
            return _inner.TryRecordAsync(deliveryId, cancellationToken);
        }
    }
}
