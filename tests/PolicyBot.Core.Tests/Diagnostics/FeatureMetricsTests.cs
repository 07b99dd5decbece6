using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Reminders;
using PolicyBot.Core.Scheduling;
using PolicyBot.Core.Tests.Polls;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Diagnostics;

public sealed class FeatureMetricsTests
{
    private static readonly DateTimeOffset Due = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Votes_count_durable_ballots_only_not_duplicates_withdrawals_or_refusals()
    {
        using var recorder = new MetricRecorder();
        using var harness = new PollHarness(metrics: recorder.Metrics);
        var poll = await harness.CreatePollAsync("Lunch? | Pizza | Soup");

        await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None);
        await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} 1", deliveryId: "evt-a"), CancellationToken.None); // a retry
        await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} 2", PollHarness.Bob, deliveryId: "evt-b"), CancellationToken.None);
        await harness.RunAsync(harness.Unvote, $"{poll.Id}", PollHarness.Bob);
        await harness.RunAsync(harness.Close, $"{poll.Id}");
        await harness.Vote.HandleAsync(harness.Invocation("vote", $"{poll.Id} 2", deliveryId: "evt-c"), CancellationToken.None);

        Assert.Equal(2, recorder.Sum("policybot.votes"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(10, true)]
    public async Task A_fired_reminder_is_counted_and_tagged_late_only_past_the_late_mark(int minutesLate, bool late)
    {
        using var recorder = new MetricRecorder();
        var platform = new RecordingChatPlatform();
        var reminders = new Mock<IReminderStore>();
        reminders.Setup(s => s.GetAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(
            new Reminder(7, "alice", "Alice", PollHarness.Channel, "vote on the budget", Due, "UTC", null, Due.AddHours(-1)));
        var handler = new ReminderFireHandler(reminders.Object, Poster(platform),
            Options.Create(new RemindersOptions()), CommandSyntax.Default(), NullLogger<ReminderFireHandler>.Instance, recorder.Metrics);

        await handler.HandleAsync(new DueJob(1, ReminderJobs.FireKind, "7", "{}", Due, 0), Due.AddMinutes(minutesLate), CancellationToken.None);

        Assert.Single(platform.Posts);
        Assert.Equal(1, recorder.Sum("policybot.reminders.fired", "late", late));
        Assert.Equal(1, recorder.Sum("policybot.reminders.fired"));
    }

    [Fact]
    public async Task A_reminder_skipped_as_too_late_is_not_counted_as_fired()
    {
        using var recorder = new MetricRecorder();
        var platform = new RecordingChatPlatform();
        var reminders = new Mock<IReminderStore>();
        reminders.Setup(s => s.GetAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(
            new Reminder(7, "alice", "Alice", PollHarness.Channel, "old news", Due, "UTC", null, Due.AddHours(-1)));
        var handler = new ReminderFireHandler(reminders.Object, Poster(platform),
            Options.Create(new RemindersOptions()), CommandSyntax.Default(), NullLogger<ReminderFireHandler>.Instance, recorder.Metrics);

        await handler.HandleAsync(new DueJob(1, ReminderJobs.FireKind, "7", "{}", Due, 0), Due.AddDays(1), CancellationToken.None);

        Assert.Empty(platform.Posts);
        Assert.Equal(0, recorder.Sum("policybot.reminders.fired"));
    }

    private static ScheduledPoster Poster(IChatPlatform platform) =>
        new(Mock.Of<IDueJobStore>(), new ChatPlatformRegistry([platform]), NullLogger<ScheduledPoster>.Instance);
}
