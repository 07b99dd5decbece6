using Moq;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Commands;
using PolicyBot.Core.Knowledge.Feedback;
using PolicyBot.Core.Tests.Knowledge;
using PolicyBot.Core.Tests.Polls;

namespace PolicyBot.Core.Tests.Commands;

/// <summary>
/// Typed values (Discord slash options) reach handlers through the declared arguments and win over the text; without
/// them the same handler reads the text, as for <c>!vote 12 2</c>.
/// </summary>
public sealed class TypedArgumentTests
{
    private static readonly ConversationRef Channel = PollHarness.Channel;

    [Fact]
    public async Task A_vote_with_typed_poll_and_options_is_read_from_them_not_from_the_text()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var (pollNumber, choices) = (harness.Vote.Definition.Arguments[0], harness.Vote.Definition.Arguments[1]);
        var typed = harness.Invocation("vote", "unreadable text") with
        {
            Values = new CommandValues.Builder().AddInteger(pollNumber, poll.Id).AddText(choices, "cancel drills").Build(),
        };

        var reply = await harness.Vote.HandleAsync(typed, CancellationToken.None);

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(new[] { 0, 1 }, (await harness.TallyAsync(poll.Id)).Counts.ToArray());
    }

    [Fact]
    public async Task A_typed_poll_number_finds_the_poll_for_single_poll_commands_and_text_still_works()
    {
        using var harness = new PollHarness();
        var poll = await harness.CreatePollAsync("Which concession first? | Lift sanctions | Cancel drills");
        var typed = harness.Invocation("results", string.Empty) with
        {
            Values = new CommandValues.Builder().AddInteger(harness.Results.Definition.Arguments[0], poll.Id).Build(),
        };
        var missing = harness.Invocation("results", string.Empty) with
        {
            Values = new CommandValues.Builder().AddInteger(harness.Results.Definition.Arguments[0], poll.Id + 100).Build(),
        };

        var byValue = await harness.Results.HandleAsync(typed, CancellationToken.None);
        var byText = await harness.RunAsync(harness.Results, $"#{poll.Id}");
        var notFound = await harness.Results.HandleAsync(missing, CancellationToken.None);

        Assert.Equal(byText.Text, byValue.Text);
        Assert.False(byValue.IsError, byValue.Text);
        Assert.Contains($"no poll #{poll.Id + 100}", notFound.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(0, true)]
    [InlineData(5_000_000_000, true)]
    public async Task A_typed_count_is_range_checked_and_used(long count, bool refused)
    {
        var store = new Mock<IAnswerFeedbackStore>();
        store.Setup(s => s.ListUnhelpfulAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var command = new FeedbackCommand(store.Object);
        var invocation = Invocation("feedback", "not a number") with { Values = new CommandValues.Builder().AddInteger(command.Definition.Arguments[0], count).Build() };

        var reply = await command.HandleAsync(invocation, CancellationToken.None);

        Assert.Equal(refused, reply.IsError);
        store.Verify(s => s.ListUnhelpfulAsync((int)count, It.IsAny<CancellationToken>()), refused ? Times.Never() : Times.Once());
    }

    [Fact]
    public async Task A_typed_paragraph_and_article_are_quoted_like_their_text()
    {
        var library = TestArticles.SeedLibrary();
        var quote = new QuoteCommand(new FixedArticles(library));
        var (slug, number) = (quote.Definition.Arguments[0], quote.Definition.Arguments[1]);
        var typed = Invocation("quote", string.Empty) with
        {
            Values = new CommandValues.Builder().AddText(slug, library.Articles[0].Slug).AddInteger(number, 10).Build(),
        };

        var byValue = await quote.HandleAsync(typed, CancellationToken.None);
        var byText = await quote.HandleAsync(Invocation("quote", $"{library.Articles[0].Slug} 10"), CancellationToken.None);

        Assert.Equal(byText.Text, byValue.Text);
        Assert.Equal(10, byValue.Citations.Single().Paragraph);
    }

    [Fact]
    public async Task The_router_strips_control_characters_from_typed_text_and_a_value_of_the_wrong_kind_is_dropped()
    {
        var echo = new EchoCommand();
        var router = TestRouter.Create([echo]);
        var text = new CommandArgument("text", "Any text");
        var number = new CommandArgument("n", "A number", ArgumentKind.Integer);
        var values = new CommandValues.Builder().AddText(text, "ring\u0007 \u001B[2Jclear").AddText(number, "12").AddInteger(text, 3).Build();

        await router.DispatchAsync(TestRouter.Invocation("echo", "x") with { Values = values }, CancellationToken.None);

        Assert.True(echo.LastInvocation!.Values.TryGetText(text, out var cleaned));
        Assert.Equal("ring [2Jclear", cleaned);
        Assert.False(echo.LastInvocation.Values.TryGetInteger(number, out _));
    }

    private static CommandInvocation Invocation(string name, string arguments) =>
        new(name, arguments, new Sender("admin", "Admin", IsAdmin: true), Channel, "evt-" + Guid.NewGuid().ToString("N"));
}
