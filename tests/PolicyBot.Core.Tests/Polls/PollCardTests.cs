using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

public sealed class PollCardTests
{
    private static readonly DateTimeOffset Now = PollHarness.Start;

    private static readonly Poll Poll = new(12, "Lift sanctions @everyone?", ["Yes <@&123>", "No"], 1, false, false, "alice",
        PollHarness.Channel, Now, Now.AddHours(2), null);

    private static readonly PollTally Tally = new([3, 1], 4);

    [Fact]
    public void The_card_has_one_vote_button_per_option_and_a_tracking_key()
    {
        var card = PollCard.Render(Poll, Tally, Now, "!");

        Assert.Equal(new[] { "vote:12:1", "vote:12:2" }, card.Actions.Select(a => a.Id));
        Assert.Equal("poll:12", card.TrackingKey);
        Assert.Contains("`█████████░░░` 3 (75%)", card.Text, StringComparison.Ordinal);
        Assert.Contains("**4** voters", card.Text, StringComparison.Ordinal);
        Assert.Contains("closes 2026-03-01 14:00 UTC (in 2 h 0 min)", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_on_the_card_never_pings()
    {
        var card = PollCard.Render(Poll, Tally, Now, "!");
        var rendered = PlainTextReplyFormatter.Format(card with { Mentions = MentionPolicy.Everyone });

        Assert.DoesNotContain("@everyone", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", card.Actions[0].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_poll_shows_no_counts_until_it_closes()
    {
        var hidden = Poll with { HiddenResults = true };

        var open = PollCard.Render(hidden, Tally, Now, "!");
        var afterClosing = PollCard.Render(hidden, Tally, Now.AddHours(3), "!");

        Assert.DoesNotContain("75%", open.Text, StringComparison.Ordinal);
        Assert.Contains("hidden until the poll closes", open.Text, StringComparison.Ordinal);
        Assert.Contains("**4** voters", open.Text, StringComparison.Ordinal);
        Assert.Contains("75%", afterClosing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_card_has_no_buttons()
    {
        var card = PollCard.Render(Poll with { ClosedAt = Now }, Tally, Now, "!");

        Assert.Empty(card.Actions);
        Assert.StartsWith("Closed poll #12", card.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_chart_is_a_real_png()
    {
        var png = ResultChart.RenderPng(Poll with { Options = ["Lift sanctions affecting ordinary North Koreans", "Cancel military drills", "Neither"] }, new PollTally([5, 3, 1], 9));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.True(png.Length > 5_000, $"{png.Length} bytes is too small for a chart with text");
    }
}
