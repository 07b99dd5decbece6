using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Reminders;
using PolicyBot.Core.Scheduling;
using PolicyBot.Core.Tests.Polls;

namespace PolicyBot.Core.Tests.Commands;

/// <summary>Hints name commands as members type them where the reply is read: <c>/policy cancel 7</c> on Slack, <c>!cancel 7</c> elsewhere.</summary>
public sealed class PlatformHintTests
{
    private static readonly CommandSyntax Syntax = new(Options.Create(new CommandOptions()), [TestRouter.Slack, new PlatformCommandSyntax(Platforms.Discord, "?")]);

    [Theory]
    [InlineData(Platforms.Slack, "`/policy cancel 7` stops it")]
    [InlineData(Platforms.Discord, "`?cancel 7` stops it")]
    [InlineData(Platforms.Console, "`!cancel 7` stops it")]
    public void A_recurring_reminder_says_how_to_stop_it_in_its_platforms_words(string platform, string expected)
    {
        var handler = new ReminderFireHandler(Mock.Of<IReminderStore>(),
            new ScheduledPoster(Mock.Of<IDueJobStore>(), new ChatPlatformRegistry([]), NullLogger<ScheduledPoster>.Instance),
            Options.Create(new RemindersOptions()), Syntax, NullLogger<ReminderFireHandler>.Instance);
        var reminder = new Reminder(7, "U1", "Ada", new ConversationRef(platform, "C1"), "stand-up", PollHarness.Start, "UTC", "0 9 * * *", PollHarness.Start);

        Assert.EndsWith(expected, handler.BuildReply(reminder, TimeSpan.Zero).Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_card_and_the_poll_replies_on_slack_speak_slack()
    {
        using var harness = new PollHarness(syntax: Syntax);
        var slack = new ConversationRef(Platforms.Slack, "C1");
        var invocation = harness.Invocation("poll", "Lift sanctions? | yes | no") with { Conversation = slack };

        var card = await harness.Poll.HandleAsync(invocation, CancellationToken.None);
        var vote = await harness.Vote.HandleAsync(harness.Invocation("vote", "1 yes") with { Conversation = slack }, CancellationToken.None);
        var unknown = await harness.Vote.HandleAsync(harness.Invocation("vote", "99 yes") with { Conversation = slack }, CancellationToken.None);
        var bad = await harness.Poll.HandleAsync(harness.Invocation("poll", "no separators") with { Conversation = slack }, CancellationToken.None);

        Assert.Equal("Vote with the buttons or /policy vote 1 <option> · /policy unvote 1 withdraws", card.Footer);
        Assert.Contains("`/policy unvote 1` to withdraw it", vote.Text, StringComparison.Ordinal);
        Assert.Contains("`/policy polls` lists the open ones", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("`/policy poll What about the cap?", bad.Text, StringComparison.Ordinal);
        Assert.All(new[] { card.Footer!, vote.Text, unknown.Text, bad.Text }, text => Assert.DoesNotContain("!", text, StringComparison.Ordinal));
    }
}
