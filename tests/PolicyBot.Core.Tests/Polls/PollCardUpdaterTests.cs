using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

public sealed class PollCardUpdaterTests
{
    [Fact]
    public async Task A_burst_of_votes_costs_one_immediate_edit_and_one_more_after_the_interval()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Best first step? | Halt tests | Freeze | Talks");

        // 500 votes within one second.
        for (var i = 0; i < 500; i++)
        {
            var voter = new PolicyBot.Core.Chat.Sender($"user-{i}", "U");
            var reply = await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} {(i % 3) + 1}", voter), CancellationToken.None);
            Assert.False(reply.IsError, reply.Text);
            if (i % 50 == 49)
            {
                harness.Clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }

        await harness.Cards.WhenIdleAsync();
        Assert.Single(harness.Platform.Updates);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.Cards.WhenIdleAsync();
        Assert.Equal(2, harness.Platform.Updates.Count);

        // Nothing more changed: no further edits however long we wait.
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await harness.Cards.WhenIdleAsync();
        Assert.Equal(2, harness.Platform.Updates.Count);

        var (message, last) = harness.Platform.Updates.Last();
        Assert.Equal(poll.CardMessage, message);
        Assert.Contains("**500** voters", last.Text, StringComparison.Ordinal);
        Assert.Contains("` 167 (33%)", last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_after_a_quiet_period_edits_at_once()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b");

        await harness.RunAsync(harness.Vote, $"{poll.Id} 1");
        await harness.Cards.WhenIdleAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        await harness.RunAsync(harness.Vote, $"{poll.Id} 2", PollHarness.Bob);
        await harness.Cards.WhenIdleAsync();

        Assert.Equal(2, harness.Platform.Updates.Count);
    }

    [Fact]
    public async Task A_button_vote_edits_its_source_message_when_the_card_was_not_recorded()
    {
        using var harness = new PollHarness();
        var card = await harness.RunAsync(harness.Poll, "Q? | a | b");
        var source = new PolicyBot.Core.Chat.MessageRef(PollHarness.Channel, "btn-msg");
        var click = harness.Invocation("vote", "1 2") with { Source = PolicyBot.Core.Chat.InvocationSource.Button, SourceMessage = source };

        await harness.Vote.HandleAsync(click, CancellationToken.None);
        await harness.Cards.WhenIdleAsync();

        Assert.Equal(source, Assert.Single(harness.Platform.Updates).Message);
        Assert.Equal("poll:1", card.TrackingKey);
    }
}
