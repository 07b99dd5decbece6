using System.Text;
using Moq;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Polls;

namespace PolicyBot.Core.Tests.Polls;

public sealed class PollCommandTests
{
    [Fact]
    public async Task A_card_that_could_not_be_posted_withdraws_its_poll_and_auto_close_but_a_posted_one_stays()
    {
        using var harness = new PollHarness();
        var card = await harness.RunAsync(harness.Poll, "Never seen? | a | b --closes 2h");
        Assert.True(PollCard.TryParseTrackingKey(card.TrackingKey!, out var unseen));
        var posted = await harness.CreatePollAsync("Seen? | a | b");

        await harness.Sink.UndeliveredAsync(card.TrackingKey!, CancellationToken.None);
        await harness.Sink.UndeliveredAsync(PollCard.TrackingKey(posted.Id), CancellationToken.None);

        Assert.Null(await harness.Store.GetAsync(unseen, CancellationToken.None));
        harness.DueJobs.Verify(j => j.CancelAsync("poll.close", PollService.JobKey(unseen), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(await harness.Store.GetAsync(posted.Id, CancellationToken.None));
        Assert.DoesNotContain(await harness.Service.ListOpenAsync(PollHarness.Channel, 10, CancellationToken.None), p => p.Id == unseen);
    }

    [Fact]
    public async Task A_poll_whose_close_job_could_not_be_scheduled_is_removed_and_the_failure_shown()
    {
        using var harness = new PollHarness();
        harness.DueJobs.Setup(j => j.ScheduleAsync("poll.close", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("database busy"));

        await Assert.ThrowsAsync<TimeoutException>(() => harness.RunAsync(harness.Poll, "Never closing? | a | b --closes 2h"));

        // Store ids start at 1: the poll was created, then removed, so no open poll is left without its close job.
        Assert.Null(await harness.Store.GetAsync(1, CancellationToken.None));
        Assert.Empty(await harness.Service.ListOpenAsync(PollHarness.Channel, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Voting_again_replaces_the_ballot_and_a_repeated_delivery_counts_once()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");

        var first = await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} cancel", deliveryId: "evt-b"), CancellationToken.None);
        await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);

        Assert.Equal(ReplyVisibility.OnlyInvoker, first.Visibility);
        Assert.Contains("**1. Lift sanctions**", first.Text, StringComparison.Ordinal);
        var tally = await harness.TallyAsync(poll.Id);
        Assert.Equal(new[] { 0, 1 }, tally.Counts.ToArray());
        Assert.Equal(1, tally.Voters);
    }

    [Fact]
    public async Task A_vote_after_closing_is_refused_with_a_message()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b --closes 2h");
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var reply = await harness.RunAsync(harness.Vote, $"{poll.Id} 1");

        Assert.True(reply.IsError);
        Assert.Contains($"Poll #{poll.Id} is closed", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await harness.TallyAsync(poll.Id)).Voters);
    }

    [Fact]
    public async Task Unvote_withdraws_and_says_so_when_there_was_nothing()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 2");

        var withdrawn = await harness.RunAsync(harness.Unvote, $"{poll.Id}");
        var nothing = await harness.RunAsync(harness.Unvote, $"{poll.Id}");

        Assert.Contains("withdrawn", withdrawn.Text, StringComparison.Ordinal);
        Assert.Contains("no vote", nothing.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await harness.TallyAsync(poll.Id)).Voters);
    }

    [Theory]
    [InlineData("99 1", "There is no poll #99 in this channel")]
    [InlineData("abc 1", "`abc` is not a poll number")]
    [InlineData("", "Which poll?")]
    public async Task Votes_for_missing_polls_are_explained(string arguments, string expected)
    {
        using var harness = new PollHarness();
        await harness.CreatePollAsync("Q? | a | b");

        var reply = await harness.RunAsync(harness.Vote, arguments);

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_of_another_channel_is_not_found_here()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b");

        var reply = await harness.Vote.HandleAsync(
            harness.Invocation("vote", $"{poll.Id} 1", conversation: new ConversationRef(Platforms.Discord, "elsewhere")), CancellationToken.None);

        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task Only_the_creator_or_an_admin_closes_and_closing_cancels_the_auto_close()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b --closes 3d");
        harness.DueJobs.Verify(d => d.ScheduleAsync("poll.close", poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            It.Is<string>(p => p.Contains($"\"pollId\":{poll.Id}", StringComparison.Ordinal)), PollHarness.Start.AddDays(3), It.IsAny<CancellationToken>()));
        await harness.RunAsync(harness.Vote, $"{poll.Id} 1", PollHarness.Bob);

        var byBob = await harness.RunAsync(harness.Close, $"{poll.Id}", PollHarness.Bob);
        var byAdmin = await harness.RunAsync(harness.Close, $"{poll.Id}", PollHarness.Admin);
        var again = await harness.RunAsync(harness.Close, $"{poll.Id}", PollHarness.Alice);

        Assert.True(byBob.IsError);
        Assert.Contains("Only the person who started", byBob.Text, StringComparison.Ordinal);
        Assert.False(byAdmin.IsError);
        Assert.StartsWith("Final results", byAdmin.Title, StringComparison.Ordinal);
        var chart = Assert.Single(byAdmin.Attachments);
        Assert.Equal("image/png", chart.ContentType);
        Assert.Contains("already closed", again.Text, StringComparison.Ordinal);
        harness.DueJobs.Verify(d => d.CancelAsync("poll.close", poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), It.IsAny<CancellationToken>()), Times.Once);
        Assert.True((await harness.Store.GetAsync(poll.Id, CancellationToken.None))!.ResultsPosted);
    }

    [Fact]
    public async Task Anonymous_polls_export_counts_only_and_never_a_voter_id()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b --anonymous");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 1", new Sender("secret-voter-id", "S"));

        var export = await harness.RunAsync(harness.Export, $"{poll.Id}");
        var results = await harness.RunAsync(harness.Results, $"{poll.Id}");

        Assert.Equal(ReplyVisibility.OnlyInvoker, export.Visibility);
        var csv = Encoding.UTF8.GetString(Assert.Single(export.Attachments).Content.Span);
        Assert.Equal("option,label,count\r\n1,a,1\r\n2,b,0\r\n", csv);
        Assert.DoesNotContain("secret-voter-id", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-voter-id", results.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_poll_exports_ballots_to_its_creator_only()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | =cmd() | b --multi");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 1 2", PollHarness.Bob);

        var byCreator = await harness.RunAsync(harness.Export, $"{poll.Id}");
        var byBob = await harness.RunAsync(harness.Export, $"{poll.Id}", PollHarness.Bob);

        var csv = Encoding.UTF8.GetString(Assert.Single(byCreator.Attachments).Content.Span);
        Assert.Equal("user_id,option,label,cast_at_utc\r\nbob,1,'=cmd(),2026-03-01T12:00:00Z\r\nbob,2,b,2026-03-01T12:00:00Z\r\n", csv);
        Assert.True(byBob.IsError);
        Assert.Empty(byBob.Attachments);
    }

    [Fact]
    public async Task Hidden_results_stay_hidden_until_closing()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Q? | a | b --hidden");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 2", PollHarness.Bob);

        var during = await harness.RunAsync(harness.Results, $"{poll.Id}");
        var export = await harness.RunAsync(harness.Export, $"{poll.Id}");
        await harness.RunAsync(harness.Close, $"{poll.Id}");
        var after = await harness.RunAsync(harness.Results, $"{poll.Id}");

        Assert.Contains("hidden until it closes", during.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("100%", during.Text, StringComparison.Ordinal);
        Assert.True(export.IsError);
        Assert.Contains("` 1 (100%)", after.Text, StringComparison.Ordinal);
        Assert.Single(after.Attachments);
    }

    [Fact]
    public async Task Polls_lists_the_open_polls_of_this_channel()
    {
        using var harness = new PollHarness();
        var open = await harness.CreatePollAsync("Still open? | a | b");
        var closed = await harness.CreatePollAsync("Done? | a | b");
        await harness.RunAsync(harness.Close, $"{closed.Id}");

        var list = await harness.RunAsync(harness.List, string.Empty);

        Assert.Contains($"#{open.Id}** Still open?", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Done?", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_poll_input_is_refused_politely()
    {
        using var harness = new PollHarness();

        var reply = await harness.RunAsync(harness.Poll, "Q? | only one");
        var ping = await harness.RunAsync(harness.Poll, "Q? | a | b --closes @everyone");
        var empty = await harness.RunAsync(harness.Poll, string.Empty);

        Assert.True(reply.IsError);
        Assert.Contains("between 2 and 20 options", reply.Text, StringComparison.Ordinal);
        Assert.True(ping.IsError);
        Assert.DoesNotContain("@everyone", ping.Text, StringComparison.Ordinal);
        Assert.True(empty.IsError);
        Assert.Contains("Usage", empty.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preset_starts_its_poll_and_flags_still_apply()
    {
        var options = new PollOptions();
        options.Presets["pyongyang-steps"] = new PollPreset
        {
            Question = "Which step should Pyongyang take first?",
            Options = ["Build relations with South Korea", "Halt missile testing", "Nuclear freeze"],
            Multi = 2,
        };
        using var harness = new PollHarness(options);

        var card = await harness.RunAsync(harness.Poll, "preset Pyongyang-Steps --anonymous --closes 3d");
        var list = await harness.RunAsync(harness.Poll, "preset");
        var unknown = await harness.RunAsync(harness.Poll, "preset nope");

        Assert.False(card.IsError, card.Text);
        Assert.Equal(3, card.Actions.Length);
        var poll = (await harness.Store.GetAsync(1, CancellationToken.None))!;
        Assert.Equal(2, poll.MaxChoices);
        Assert.True(poll.Anonymous);
        Assert.Equal(PollHarness.Start.AddDays(3), poll.ClosesAt);
        Assert.Contains("`pyongyang-steps`", list.Text, StringComparison.Ordinal);
        Assert.True(unknown.IsError);
        Assert.Contains("There is no preset `nope`", unknown.Text, StringComparison.Ordinal);
    }
}
