using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Commands;
using PolicyBot.Core.Knowledge.Conversations;
using PolicyBot.Core.Knowledge.Feedback;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The commands around the answerer, with the answerer and the store mocked at their seams.</summary>
public sealed class KnowledgeCommandTests
{
    private static readonly ConversationRef Channel = new(Platforms.Discord, "c1");
    private static readonly ArticleLibrary Library = TestArticles.SeedLibrary();
    private readonly Mock<IAnswerer> _answerer = new();
    private readonly Mock<IAnswerFeedbackStore> _store = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public KnowledgeCommandTests()
    {
        var article = Library.Articles[0];
        _answerer.Setup(a => a.AnswerAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string q, string? _, CancellationToken _) => new Answer(
                q, false, "Summary in our words.", [new Citation(article.Slug, 5, "We can start small.")], article, article.Positions[4], new(0.9, "answered")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--article north-korea-talks")]
    public async Task An_empty_question_gets_the_usage(string arguments)
    {
        var reply = await Ask().HandleAsync(Invocation("ask", arguments), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Contains("Usage: `!ask", reply.Text, StringComparison.Ordinal);
        _answerer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_five_thousand_character_question_is_refused_politely()
    {
        var reply = await Ask().HandleAsync(Invocation("ask", new string('x', 5000)), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.Contains("5,000 characters", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1,000", reply.Text, StringComparison.Ordinal);
        _answerer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_answer_carries_citations_attribution_and_rating_buttons_for_the_stored_answer()
    {
        AnswerRecord? stored = null;
        _store.Setup(s => s.RecordAnswerAsync(It.IsAny<AnswerRecord>(), It.IsAny<CancellationToken>()))
            .Callback((AnswerRecord r, CancellationToken _) => stored = r).Returns(Task.CompletedTask);

        var reply = await Ask().HandleAsync(Invocation("ask", "Should sanctions be lifted?"), CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(("Should sanctions be lifted?", 5, false, "u1", _clock.GetUtcNow()), (stored.Question, stored.PrimaryParagraph, stored.Declined, stored.UserId, stored.AskedAt));
        Assert.Equal([$"rate:{stored.AnswerId}:up", $"rate:{stored.AnswerId}:down"], reply.Actions.Select(a => a.Id));
        Assert.Equal(5, reply.Citations.Single().Paragraph);
        Assert.Contains("> “We can start small.” (¶5)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Bonnie Kristian", reply.Footer, StringComparison.Ordinal);
        Assert.True(ActionId.TryParse(reply.Actions[1].Id, out var command, out var arguments));
        Assert.Equal(("rate", $"{stored.AnswerId} down"), (command, arguments));
    }

    [Fact]
    public async Task When_the_store_fails_the_answer_still_arrives_without_buttons()
    {
        _store.Setup(s => s.RecordAnswerAsync(It.IsAny<AnswerRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("db down"));

        var reply = await Ask().HandleAsync(Invocation("ask", "Should sanctions be lifted?"), CancellationToken.None);

        Assert.False(reply.IsError);
        Assert.Empty(reply.Actions);
        Assert.Single(reply.Citations);
    }

    [Theory]
    [InlineData("--article north-korea-talks Is the deadline meaningful?")]
    [InlineData("north-korea-talks: Is the deadline meaningful?")]
    public async Task An_article_can_be_chosen_by_slug(string arguments)
    {
        await Ask().HandleAsync(Invocation("ask", arguments), CancellationToken.None);

        _answerer.Verify(a => a.AnswerAsync("Is the deadline meaningful?", "north-korea-talks", It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_colon_that_is_not_a_slug_stays_part_of_the_question_and_an_unknown_slug_is_an_error()
    {
        await Ask().HandleAsync(Invocation("ask", "Note: is the deadline meaningful?"), CancellationToken.None);
        var unknown = await Ask().HandleAsync(Invocation("ask", "--article <@&123> @everyone hi"), CancellationToken.None);

        _answerer.Verify(a => a.AnswerAsync("Note: is the deadline meaningful?", null, It.IsAny<CancellationToken>()));
        Assert.True(unknown.IsError);
        Assert.DoesNotContain("<@&123>", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("north-korea-talks", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_in_a_question_are_never_echoed_as_pings()
    {
        var reply = await Ask().HandleAsync(Invocation("ask", "@everyone <@&42> what about sanctions?"), CancellationToken.None);
        var rendered = PlainTextReplyFormatter.Format(reply);

        Assert.DoesNotContain("@everyone", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&42>", rendered, StringComparison.Ordinal);
        Assert.Equal(MentionPolicy.None, reply.Mentions);
    }

    [Theory]
    [InlineData("0123456789abcdef up", true, "helpful")]
    [InlineData("0123456789abcdef down", false, "admin will look")]
    public async Task Rating_records_the_members_vote(string arguments, bool helpful, string expected)
    {
        _store.Setup(s => s.RecordVoteAsync("0123456789abcdef", "u1", helpful, _clock.GetUtcNow(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var reply = await new RateCommand(_store.Object, _clock).HandleAsync(Invocation("rate", arguments), CancellationToken.None);

        Assert.False(reply.IsError);
        Assert.Equal(ReplyVisibility.OnlyInvoker, reply.Visibility);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        _store.VerifyAll();
    }

    [Theory]
    [InlineData("")]
    [InlineData("nothex up")]
    [InlineData("0123456789abcdef sideways")]
    public async Task A_malformed_rating_is_refused_without_touching_the_store(string arguments)
    {
        var reply = await new RateCommand(_store.Object, _clock).HandleAsync(Invocation("rate", arguments), CancellationToken.None);

        Assert.True(reply.IsError);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Rating_an_unknown_answer_says_so()
    {
        _store.Setup(s => s.RecordVoteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var reply = await new RateCommand(_store.Object, _clock).HandleAsync(Invocation("rate", "0123456789abcdef up"), CancellationToken.None);

        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task Feedback_lists_badly_rated_questions_without_letting_them_ping()
    {
        _store.Setup(s => s.ListUnhelpfulAsync(10, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new RatedAnswer("a", "@everyone what about `Iran`?", null, true, null, 0, 3, _clock.GetUtcNow()),
            new RatedAnswer("b", "Is the deadline meaningful?", "north-korea-talks", false, 8, 1, 2, _clock.GetUtcNow()),
        ]);

        var reply = await new FeedbackCommand(_store.Object).HandleAsync(Invocation("feedback", ""), CancellationToken.None);

        Assert.Equal(CommandAccess.Admin, new FeedbackCommand(_store.Object).Definition.Access);
        Assert.DoesNotContain("@everyone", reply.Text, StringComparison.Ordinal);
        Assert.Contains("3 not helpful, 0 helpful; declined", reply.Text, StringComparison.Ordinal);
        Assert.Contains("¶8 of north-korea-talks", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, reply.Text.Split('\n').Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("500")]
    public async Task Feedback_rejects_a_bad_count(string count)
    {
        var reply = await new FeedbackCommand(_store.Object).HandleAsync(Invocation("feedback", count), CancellationToken.None);

        Assert.True(reply.IsError);
    }

    [Fact]
    public async Task Quote_shows_a_paragraph_verbatim_and_checks_the_range()
    {
        var quote = new QuoteCommand(new FixedArticles(Library));

        var five = await quote.HandleAsync(Invocation("quote", "5"), CancellationToken.None);
        var bySlug = await quote.HandleAsync(Invocation("quote", "north-korea-talks 10"), CancellationToken.None);
        var outOfRange = await quote.HandleAsync(Invocation("quote", "11"), CancellationToken.None);
        var notANumber = await quote.HandleAsync(Invocation("quote", "five"), CancellationToken.None);

        Assert.Equal("> " + Library.Articles[0].Paragraph(5), five.Text);
        Assert.Equal(10, bySlug.Citations.Single().Paragraph);
        Assert.True(outOfRange.IsError);
        Assert.Contains("1 to 10", outOfRange.Text, StringComparison.Ordinal);
        Assert.True(notANumber.IsError);
    }

    [Fact]
    public async Task Positions_lists_each_curated_position_on_one_line_and_articles_lists_the_library()
    {
        var indexes = TestArticles.Indexes();
        var positions = await new PositionsCommand(new FixedArticles(Library), indexes).HandleAsync(Invocation("positions", ""), CancellationToken.None);
        var articles = await new ArticlesCommand(new FixedArticles(Library), indexes).HandleAsync(Invocation("articles", ""), CancellationToken.None);

        var lines = positions.Text.Split('\n');
        Assert.Equal(Library.Articles[0].Positions.Length, lines.Length);
        Assert.Contains("• ¶4 **The author**: Goals must be modest", lines);
        Assert.Contains("`north-korea-talks`", articles.Text, StringComparison.Ordinal);
        Assert.Contains("10 curated positions", articles.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_without_a_positions_file_lists_a_derived_position_per_paragraph_with_its_holder()
    {
        var library = new ArticleLibrary([TestArticles.CorpusArticle("ranked-choice-voting-is-second-best")]);

        var reply = await new PositionsCommand(new FixedArticles(library), TestArticles.Indexes()).HandleAsync(Invocation("positions", ""), CancellationToken.None);

        var lines = reply.Text.Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.Contains("derived from the paragraphs", reply.Title, StringComparison.Ordinal);
        Assert.StartsWith("• ¶3 **proponents**:", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("• ¶9 **Mr. McDaniel**:", lines[8], StringComparison.Ordinal);
        Assert.StartsWith("• ¶11 **The editors**:", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void Add_knowledge_registers_the_commands_once_each()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddKnowledge();

        var names = services.Where(s => s.ServiceType == typeof(ICommandHandler)).Select(s => s.ImplementationType!.Name).ToArray();

        Assert.Equal(["AskCommand", "PositionsCommand", "QuoteCommand", "ArticlesCommand", "RateCommand", "FeedbackCommand"], names);
        Assert.Contains(services, s => s.ImplementationType == typeof(KnowledgeWarmup));
    }

    private AskCommand Ask() => new(
        new ConversationalAnswerer(_answerer.Object, new FixedArticles(Library), new ConversationMemory(_clock, Options.Create(new FollowUpOptions())), _clock),
        new FixedArticles(Library), _store.Object, _clock, Options.Create(new KnowledgeOptions()), NullLogger<AskCommand>.Instance);

    private static CommandInvocation Invocation(string name, string arguments) =>
        new(name, arguments, new Sender("u1", "Una"), Channel, Guid.NewGuid().ToString("N"));
}
