using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Tests.Commands;

namespace PolicyBot.Core.Tests.Polls;

/// <summary>
/// Votes are deduplicated by the ballot store with the ballot, not by the router's delivery log: a redelivered vote
/// changes nothing and sends nothing, and an applied vote is never written to the delivery log. A refused vote has no
/// ballot, so the router keeps its id there; the router looks a vote's id up only when it refuses it (a lookup per click
/// would cost a database round trip per vote outside the vote writer's group commit). A twin arriving while its copy is
/// still being handled is dropped before the filters, since no store knows the id until the ballot commits.
/// </summary>
public sealed class VoteDeliveryTests
{
    // PollHarness votes on Discord, which is rate limited; no token comes back during a test.
    private static readonly CommandOptions TwoClicksAnHour = new() { RateLimitBurst = 2, RateLimitPeriod = TimeSpan.FromHours(1), RateLimitExemptPlatforms = [] };

    private static readonly CommandOptions OneClickAnHour = new() { RateLimitBurst = 1, RateLimitPeriod = TimeSpan.FromHours(1), RateLimitExemptPlatforms = [] };

    [Fact]
    public async Task A_redelivered_vote_is_a_silent_duplicate_even_after_a_later_vote_and_is_never_written_to_the_delivery_log()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var log = new CountingDeliveryLog(harness.DeliveryLog);
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
        var log = new CountingDeliveryLog(harness.DeliveryLog);
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

    [Theory]
    [InlineData("1", true, "is closed")]
    [InlineData("9", false, "has options 1 to 2")]
    [InlineData("1 2", false, "takes one choice")]
    public async Task A_refused_vote_redelivered_is_answered_once(string choices, bool closed, string refusal)
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        if (closed)
        {
            await harness.Service.CloseAsync(poll, harness.Clock.GetUtcNow(), cancelAutoClose: true, CancellationToken.None);
        }

        var router = TestRouter.Create([harness.Vote], log: harness.DeliveryLog);

        var first = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} {choices}", deliveryId: "evt-a"), CancellationToken.None);
        var repeat = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} {choices}", deliveryId: "evt-a"), CancellationToken.None);
        var another = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} {choices}", deliveryId: "evt-b"), CancellationToken.None);

        Assert.Equal(CommandOutcomeKind.InvalidInput, first.Kind);
        Assert.Contains(refusal, first.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal((CommandOutcomeKind.Duplicate, null), (repeat.Kind, repeat.Reply));

        // A new click is its own: refused and told again.
        Assert.Equal(CommandOutcomeKind.InvalidInput, another.Kind);
        Assert.Contains(refusal, another.Reply!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_vote_the_rate_limit_refuses_is_silent_and_counts_once()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var router = TestRouter.Create([harness.Vote], TwoClicksAnHour, harness.DeliveryLog);

        await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var change = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 2", deliveryId: "evt-b"), CancellationToken.None);
        var repeat = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var third = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-c"), CancellationToken.None);

        // The repeat finds no token left; it was counted already, so it is not told to slow down.
        Assert.Equal(CommandOutcomeKind.Handled, change.Kind);
        Assert.Equal((CommandOutcomeKind.Duplicate, null), (repeat.Kind, repeat.Reply));
        Assert.Equal(CommandOutcomeKind.Refused, third.Kind);
        Assert.Equal(new[] { 0, 1 }, (await harness.TallyAsync(poll.Id)).Counts.ToArray());
    }

    [Fact]
    public async Task A_twin_the_rate_limit_would_refuse_before_the_vote_commits_is_silent_and_takes_no_token()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var router = TestRouter.Create([harness.Vote], OneClickAnHour, harness.DeliveryLog);
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Store.BeforeCommit = () =>
        {
            queued.TrySetResult();
            return commit.Task;
        };

        // The click takes the only token and waits in the vote writer; its redelivered twin arrives meanwhile.
        var accepting = router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        await queued.Task;
        var twin = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var distinct = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 2", deliveryId: "evt-b"), CancellationToken.None);
        commit.SetResult();
        var accepted = await accepting;

        // One press, one reply: the confirmation. The twin is not told to slow down (nor uses up the one "slow down"
        // a flood gets): a distinct click in the same moment still is.
        Assert.Equal(CommandOutcomeKind.Handled, accepted.Kind);
        Assert.Contains("is recorded", accepted.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal((CommandOutcomeKind.Duplicate, null), (twin.Kind, twin.Reply));
        Assert.Equal(CommandOutcomeKind.Refused, distinct.Kind);
        Assert.Contains("Slow down", distinct.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal(new[] { 1, 0 }, (await harness.TallyAsync(poll.Id)).Counts.ToArray());
    }

    [Fact]
    public async Task A_twin_that_passed_the_lookup_alongside_a_refused_vote_is_silent()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        await harness.Service.CloseAsync(poll, harness.Clock.GetUtcNow(), cancelAutoClose: true, CancellationToken.None);
        var router = TestRouter.Create([harness.Vote], log: new LookupTooEarly(harness.DeliveryLog));

        var first = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var twin = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);

        Assert.Contains("is closed", first.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal((CommandOutcomeKind.Duplicate, null), (twin.Kind, twin.Reply));
    }

    [Fact]
    public async Task A_click_a_filter_refused_counts_once_when_redelivered_after_the_filter_would_pass_it()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var router = TestRouter.Create([harness.Vote], log: harness.DeliveryLog, filters: [new RefusesOnce()]);

        var refused = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var retried = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        var again = await router.DispatchAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);

        // Accepted votes are not looked up (a round trip per vote), so the retry the filter lets through is counted:
        // once, like any vote, and its next repeat is silent.
        Assert.Equal(CommandOutcomeKind.Refused, refused.Kind);
        Assert.Equal(CommandOutcomeKind.Handled, retried.Kind);
        Assert.Equal((CommandOutcomeKind.Duplicate, null), (again.Kind, again.Reply));
        Assert.Equal(1, (await harness.TallyAsync(poll.Id)).Voters);
    }

    private sealed class CountingDeliveryLog(IDeliveryLog inner) : IDeliveryLog
    {
        /// <summary>Writes only: a vote's id is looked up, never recorded.</summary>
        public int Calls { get; private set; }

        public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken)
        {
            Calls++;
            return inner.TryRecordAsync(deliveryId, cancellationToken);
        }

        public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken) => inner.HasSeenAsync(deliveryId, cancellationToken);
    }

    /// <summary>Every lookup comes before the other delivery of the id recorded it (two deliveries at once).</summary>
    private sealed class LookupTooEarly(IDeliveryLog inner) : IDeliveryLog
    {
        public Task<bool> TryRecordAsync(string deliveryId, CancellationToken cancellationToken) => inner.TryRecordAsync(deliveryId, cancellationToken);

        public Task<bool> HasSeenAsync(string deliveryId, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    /// <summary>Slow down, then (the bucket refilled) pass: as the rate limit does over time.</summary>
    private sealed class RefusesOnce : ICommandFilter
    {
        private int _calls;

        public int Order => 10;

        public ValueTask<CommandOutcome?> CheckAsync(CommandInvocation invocation, CommandDeclaration command, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Interlocked.Increment(ref _calls) == 1 ? new CommandOutcome(CommandOutcomeKind.Refused, Reply.Error("Slow down a little, please.")) : null);
    }
}
