using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Conversations;

namespace PolicyBot.Core.Tests.Knowledge.Conversations;

/// <summary>Follow-ups on the seed article through the production pipeline, without a language model.</summary>
public sealed class ConversationalAnswererTests
{
    private static readonly ArticleLibrary Library = TestArticles.SeedLibrary();
    private static readonly FollowUpCue Ada = new(new ConversationRef(Platforms.Console, "console"), "ada", null);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ConversationalAnswerer _answerer;

    public ConversationalAnswererTests() =>
        _answerer = new ConversationalAnswerer(TestArticles.Pipeline(Library), new FixedArticles(Library), new ConversationMemory(_clock, Options.Create(new FollowUpOptions())), _clock);

    [Fact]
    public async Task Who_said_that_names_the_holder_of_the_earlier_passage()
    {
        await AskAsync("What should Washington offer?");

        var who = await AskAsync("who said that?");

        Assert.Equal("It is the author's own view: Bonnie Kristian (¶5).", who.Summary);
        Assert.Equal(5, Assert.Single(who.Citations).Paragraph);
        Assert.Equal("Following up “What should Washington offer?”", who.ReadAs);
    }

    [Fact]
    public async Task Quote_it_gives_the_earlier_paragraph_in_full()
    {
        await AskAsync("What should Washington offer?");

        var quote = await AskAsync("quote it");

        Assert.StartsWith("Paragraph 5 of “In new North Korea talks", quote.Summary, StringComparison.Ordinal);
        Assert.Equal(Library.Articles[0].Paragraph(5), Assert.Single(quote.Citations).Quote);
    }

    [Fact]
    public async Task Why_gives_the_reason_next_to_the_earlier_passage()
    {
        await AskAsync("Should our goals be modest?");

        var why = await AskAsync("why?");

        Assert.StartsWith("The reason the article gives (¶4)", why.Summary, StringComparison.Ordinal);
        Assert.Contains("insurance against forcible regime change", why.Citations[0].Quote, StringComparison.Ordinal);
        Assert.Contains(why.Citations[0].Quote, Library.Articles[0].Paragraph(4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task And_what_about_asks_the_earlier_question_about_the_new_topic()
    {
        await AskAsync("What should Washington offer?");

        var about = await AskAsync("and what about Pyongyang?");

        Assert.False(about.Declined, about.Signals.Reason);
        Assert.Equal(6, about.Citations[0].Paragraph);
        Assert.Equal("Read with your earlier question as “What should Pyongyang offer?”", about.ReadAs);
    }

    [Fact]
    public async Task She_is_the_author_when_the_earlier_passage_was_the_authors()
    {
        await AskAsync("Who has the upper hand?");

        var sanctions = await AskAsync("what did she say about sanctions?");

        Assert.Equal(5, sanctions.Citations[0].Paragraph);
        Assert.Equal("Read with your earlier question as “what did the author say about sanctions?”", sanctions.ReadAs);
    }

    [Fact]
    public async Task A_follow_up_without_context_is_asked_plainly()
    {
        var alone = await AskAsync("who said that?");

        Assert.Null(alone.ReadAs);
        Assert.Equal((await TestArticles.Pipeline(Library).AnswerAsync("who said that?", null, CancellationToken.None)).Text, alone.Text);
    }

    [Fact]
    public async Task A_follow_up_after_the_window_is_asked_plainly()
    {
        await AskAsync("What should Washington offer?");
        _clock.Advance(TimeSpan.FromMinutes(6));

        var late = await AskAsync("quote it");

        Assert.Null(late.ReadAs);
        Assert.DoesNotContain(late.Citations, c => c.Quote == Library.Articles[0].Paragraph(5));
    }

    [Fact]
    public async Task A_follow_up_the_context_does_not_resolve_is_asked_plainly()
    {
        Assert.True((await AskAsync("How do I cook rice?")).Declined);

        var who = await AskAsync("who said that?");

        Assert.Null(who.ReadAs);
        Assert.Equal((await TestArticles.Pipeline(Library).AnswerAsync("who said that?", null, CancellationToken.None)).Text, who.Text);
    }

    [Fact]
    public async Task Another_members_context_is_never_used()
    {
        await AskAsync("What should Washington offer?");

        var other = (await _answerer.AnswerAsync("quote it", null, Ada with { MemberId = "bob" }, CancellationToken.None)).Answer;

        Assert.Null(other.ReadAs);
    }

    [Fact]
    public async Task A_question_that_stands_alone_is_answered_as_before_even_within_the_window()
    {
        await AskAsync("What should Washington offer?");

        var next = await AskAsync("Who has the upper hand?");

        Assert.Null(next.ReadAs);
        Assert.Equal((await TestArticles.Pipeline(Library).AnswerAsync("Who has the upper hand?", null, CancellationToken.None)).Text, next.Text);
    }

    private async Task<Answer> AskAsync(string question) =>
        (await _answerer.AnswerAsync(question, null, Ada, CancellationToken.None)).Answer;
}
