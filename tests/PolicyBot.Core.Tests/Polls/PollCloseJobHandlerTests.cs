using Moq;
using PolicyBot.Core.Polls;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Tests.Polls;

public sealed class PollCloseJobHandlerTests
{
    [Fact]
    public async Task The_due_job_closes_the_poll_and_posts_the_final_result_once()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Is the deadline meaningful? | Yes | No --closes 2h");
        await harness.RunAsync(harness.Vote, $"{poll.Id} 2", PollHarness.Bob);
        harness.Clock.Advance(TimeSpan.FromHours(3));
        var job = new DueJob(1, "poll.close", poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{{\"pollId\":{poll.Id}}}", poll.ClosesAt!.Value, 0);
        harness.Platform.Posts.Clear();

        var first = await harness.CloseJob.HandleAsync(job, harness.Clock.GetUtcNow(), CancellationToken.None);
        var retry = await harness.CloseJob.HandleAsync(job, harness.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Same(DueJobResult.Done, first);
        Assert.Same(DueJobResult.Done, retry);
        var (conversation, reply) = Assert.Single(harness.Platform.Posts);
        Assert.Equal(PollHarness.Channel, conversation);
        Assert.StartsWith("Final results of poll", reply.Title, StringComparison.Ordinal);
        Assert.Contains("Most chosen: **2. No**", reply.Text, StringComparison.Ordinal);
        Assert.Equal("image/png", Assert.Single(reply.Attachments).ContentType);

        // Closed at its closing time, not when the late job ran.
        Assert.Equal(poll.ClosesAt, (await harness.Store.GetAsync(poll.Id, CancellationToken.None))!.ClosedAt);
        Assert.Equal("poll.close", harness.CloseJob.Kind);
    }

    [Fact]
    public async Task A_poll_without_a_closing_time_is_closed_by_its_job_after_the_default_open_time()
    {
        using var harness = new PollHarness(new PollOptions { DefaultOpenFor = TimeSpan.FromDays(3) });
        var closesAt = PollHarness.Start.AddDays(3);
        var poll = await harness.CreatePollAsync("Is the deadline meaningful? | Yes | No");
        var key = PollService.JobKey(poll.Id);
        var (_, card) = Assert.Single(harness.Platform.Posts);
        harness.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        var beforeClosing = await harness.RunAsync(harness.Vote, $"{poll.Id} 2", PollHarness.Bob);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterClosing = await harness.RunAsync(harness.Vote, $"{poll.Id} 1", PollHarness.Alice);
        harness.Platform.Posts.Clear();

        await harness.CloseJob.HandleAsync(new DueJob(1, "poll.close", key, CloseJobPayload.Serialize(poll.Id), closesAt, 0), harness.Clock.GetUtcNow(), CancellationToken.None);
        await harness.Cards.WhenIdleAsync();

        Assert.Equal(closesAt, poll.ClosesAt);
        harness.DueJobs.Verify(d => d.ScheduleAsync("poll.close", key, CloseJobPayload.Serialize(poll.Id), closesAt, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains("closes 2026-03-04 12:00 UTC (in 3 d 0 h)", card.Text, StringComparison.Ordinal);
        Assert.False(beforeClosing.IsError, beforeClosing.Text);
        Assert.Contains($"Poll #{poll.Id} is closed", afterClosing.Text, StringComparison.Ordinal);
        Assert.Equal(closesAt, (await harness.Store.GetAsync(poll.Id, CancellationToken.None))!.ClosedAt);
        Assert.Contains("Most chosen: **2. No**", Assert.Single(harness.Platform.Posts).Reply.Text, StringComparison.Ordinal);
        var (_, redrawn) = harness.Platform.Updates.Last();
        Assert.StartsWith($"Closed poll #{poll.Id}", redrawn.Title, StringComparison.Ordinal);
        Assert.Empty(redrawn.Actions);
    }

    [Fact]
    public async Task A_retry_of_a_job_whose_post_was_recorded_marks_the_result_posted_without_posting_again()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Is the deadline meaningful? | Yes | No --closes 2h");
        harness.Clock.Advance(TimeSpan.FromHours(3));
        var id = poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = new DueJob(1, "poll.close", id, $"{{\"pollId\":{poll.Id}}}", poll.ClosesAt!.Value, 1);
        harness.Platform.Posts.Clear();

        await harness.CloseJob.HandleAsync(first, harness.Clock.GetUtcNow(), CancellationToken.None);
        var resultsPostedAfterFirst = (await harness.Store.GetAsync(poll.Id, CancellationToken.None))!.ResultsPosted;
        await harness.Store.ForgetResultsPostedAsync(poll.Id); // the process died before marking the poll
        await harness.CloseJob.HandleAsync(first with { Attempt = 2, Posted = true }, harness.Clock.GetUtcNow(), CancellationToken.None);

        Assert.True(resultsPostedAfterFirst);
        Assert.Single(harness.Platform.Posts);
        harness.DueJobs.Verify(j => j.MarkPostedAsync(first, It.IsAny<CancellationToken>()), Times.Once);
        Assert.True((await harness.Store.GetAsync(poll.Id, CancellationToken.None))!.ResultsPosted);
    }

    [Fact]
    public async Task A_job_for_a_vanished_poll_is_dropped()
    {
        using var harness = new PollHarness();

        var result = await harness.CloseJob.HandleAsync(new DueJob(1, "poll.close", "42", "{\"pollId\":42}", PollHarness.Start, 0), PollHarness.Start, CancellationToken.None);

        Assert.Same(DueJobResult.Done, result);
        Assert.Empty(harness.Platform.Posts);
    }
}
