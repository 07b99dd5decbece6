using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Evaluation;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>The real answerer with the real MiniLM model on the seed article.</summary>
public sealed class HybridAnswererTests
{
    private static readonly Lazy<(ArticleLibrary Library, HybridAnswerer Answerer)> Seed = new(() =>
    {
        var library = TestArticles.SeedLibrary();
        return (library, TestArticles.Answerer(library));
    });

    [Fact]
    public async Task An_answer_opens_in_our_words_then_quotes_the_paragraph_verbatim_with_attribution()
    {
        var (library, answerer) = Seed.Value;

        var answer = await answerer.AnswerAsync("Does the author think the deadline matters?", null, CancellationToken.None);

        Assert.False(answer.Declined);
        var article = library.Articles.Single();
        Assert.Equal(article.Positions.Single(p => p.Id == "upper-hand").Summary, answer.Summary);
        var primary = answer.Citations[0];
        Assert.Equal(("north-korea-talks", 8), (primary.ArticleSlug, primary.Paragraph));
        Assert.Contains(primary.Quote, article.Paragraph(8), StringComparison.Ordinal);
        Assert.Contains("deadline is meaningless", primary.Quote, StringComparison.Ordinal);
        Assert.Contains("Bonnie Kristian", answer.Attribution, StringComparison.Ordinal);
        Assert.Contains("(¶8)", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What's the author's third point?", 8)]
    [InlineData("How does the piece wrap up?", 9)]
    [InlineData("Should North Korea pause its ICBM tests?", 6)]
    [InlineData("Could the Trump administration put sanctions relief on the table?", 5)]
    [InlineData("Where does the author work?", 10)]
    [InlineData("what can NK offer in return?", 6)]
    [InlineData("would SK be ok with canceling the drills?", 5)]
    [InlineData("tl;dr of the author's argument?", 3)]
    [InlineData("What is the writer's bottom line?", 9)]
    [InlineData("What's the structure of the argument here?", 3)]
    [InlineData("What would regular folks in North Korea get?", 5)]
    [InlineData("Should we worry about a surprise attack from the North?", 8)]
    [InlineData("Is all the bromance stuff just a sideshow?", 7)]
    [InlineData("Is diplomacy with Kim worthless?", 5)]
    [InlineData("How does the Kim regime feel about the joint war games with Seoul?", 5)]
    [InlineData("How many points does the writer lay out?", 3)]
    [InlineData("How is the op-ed organized?", 3)]
    [InlineData("Which dictators are mentioned as examples?", 4)]
    [InlineData("Is 'close personal relations' the author's own phrase?", 2)]
    [InlineData("Is an all-or-nothing approach a dead end?", 4)]
    [InlineData("so talks might happen before christmas or what", 1)]
    [InlineData("Are the negotiations moving forward or stuck?", 1)]
    [InlineData("Does the op-ed welcome the new round of talks or oppose it?", 3)]
    [InlineData("Is the writer a journalist or a policy person?", 10)]
    [InlineData("what do saddam and gaddafi have to do with any of this", 4)]
    [InlineData("has she written for the LA Times", 10)]
    [InlineData("Which deposed strongmen does the op-ed hold up as cautionary tales?", 4)]
    [InlineData("Is the author against resuming working-level negotiations?", 3)]
    [InlineData("What's the name of the think tank she's a fellow at?", 10)]
    [InlineData("Does refusing to compromise make the problem last longer, per the op-ed?", 7)]
    [InlineData("The author seems to think all the leader-to-leader theatrics pull attention away from something. From what?", 7)]
    [InlineData("is she arguing for an incrementalist, confidence-building approach instead of a grand bargain?", 6)]
    [InlineData("Doesn't Kim's arsenal put him on an equal footing with Washington now?", 8)]
    [InlineData("Is the author a fellow somewhere?", 10)]
    [InlineData("What happened to Saddam Hussein?", 4)]
    [InlineData("When did North Korean state media issue its warning?", 2)]
    [InlineData("how many years does trump have left max per the article", 7)]
    [InlineData("What did North Korea say would end?", 2)]
    [InlineData("Where should diplomacy start?", 5)]
    [InlineData("What does normalize mean here?", 5)]
    [InlineData("whats this year end deadline thing about?", 1)]
    [InlineData("What did Pyongyang say would happen in 2020?", 2)]
    [InlineData("how many yrs does she say trump has left", 7)]
    [InlineData("she thinks demanding full denuke up front is dumb?", 4)]
    [InlineData("'achievable' in the title refers to what exactly", 6)]
    [InlineData("Why does the headline call the talks achievable?", 6)]
    [InlineData("so demanding CVID upfront is pointless?", 4)]
    [InlineData("is she worried about a war if theres no deal by jan", 8)]
    [InlineData("where does the 'close personal relations' line come from", 2)]
    [InlineData("whats the deal with the year end deadline", 1)]
    [InlineData("whats this year-end deadline everyone keeps mentioning", 1)]
    [InlineData("whats NKs side of the bargain", 6)]
    [InlineData("What could Pyongyang do with regard to its southern neighbor?", 6)]
    [InlineData("why is the timing so critical tho", 1)]
    [InlineData("when did nk make that threat", 2)]
    [InlineData("why does kim compare himself to libya's gadhafi", 4)]
    [InlineData("Who is the North Korean leader?", 2)]
    [InlineData("If Kim won't disarm, is there any point in talking to him at all?", 5)]
    [InlineData("whats kim actually after here, per the author", 4)]
    [InlineData("If Kim won't give up his nukes, is there any value in negotiating?", 5)]
    [InlineData("what principle does she say should steer Washington's approach to Pyongyang", 9)]
    [InlineData("whats the larger point of all this negotiating", 9)]
    [InlineData("what's her first piece of advice", 4)]
    [InlineData("if kim wont disarm is there any point talking to him", 5)]
    [InlineData("Which strongmen does the author hold up as cautionary tales?", 4)]
    public async Task Structure_general_vocabulary_and_the_acting_side_lead_to_the_paragraph(string question, int paragraph)
    {
        var (_, answerer) = Seed.Value;

        var answer = await answerer.AnswerAsync(question, null, CancellationToken.None);

        Assert.False(answer.Declined, answer.Signals.Reason);
        Assert.Equal(paragraph, answer.Citations[0].Paragraph);
    }

    [Theory]
    [InlineData("When did the Korean War start?", "no date")]
    [InlineData("How many nuclear warheads does North Korea have?", "no figure")]
    [InlineData("Where will the next round of negotiations take place?", "no place")]
    [InlineData("What is the name of the South Korean official?", "names no one")]
    [InlineData("Who is the president of South Korea?", "names no one")]
    [InlineData("Who is South Korea's president?", "names no one")]
    [InlineData("How old is Kim Jong-un?", "no age")]
    [InlineData("What has the UN said about North Korea?", "never mentions 'UN'")]
    [InlineData("In which city will the working-level talks be held?", "no place")]
    [InlineData("Who is the South Korean official that said the talks might resume?", "names no one")]
    [InlineData("Did the talks actually happen in December?", "how that turned out")]
    [InlineData("When did Bonnie Kristian start writing for The Week?", "no date")]
    [InlineData("What is the name of North Korea's state news agency?", "no outlet")]
    [InlineData("who's leading the US negotiating team", "names no one")]
    [InlineData("Did North Korea test an ICBM in 2017?", "never mentions '2017'")]
    [InlineData("When did Trump and Kim first meet?", "no date")]
    [InlineData("What did Kim say in his most recent New Year's speech?", "does not quote that")]
    [InlineData("did kim actually cut ties with trump in 2020", "how that turned out")]
    [InlineData("how many missiles did nk launch in 2019", "no figure")]
    [InlineData("What did Kim do after the year-end deadline passed?", "how that turned out")]
    [InlineData("When did Kim Jong-un come to power?", "no date")]
    [InlineData("is russia helping nk w their missile program", "never mentions 'russia'")]
    [InlineData("what does she think of biden's NK policy", "never mentions 'biden'")]
    [InlineData("who was the south korean president back then", "names no one")]
    [InlineData("when did kim jong un come to power", "no date")]
    [InlineData("did nk go back to icbm tests after the deadline passed", "how that turned out")]
    [InlineData("Did the talks produce an agreement before the end of 2019?", "how that turned out")]
    [InlineData("is kim jong un even still alive lol", "how that turned out")]
    [InlineData("Did North Korea actually follow through on its year-end deadline?", "how that turned out")]
    [InlineData("Where was Bonnie Kristian born?", "no such background detail")]
    [InlineData("What is Bonnie Kristian's educational background?", "no such background detail")]
    [InlineData("Who founded Defense Priorities?", "no such background detail")]
    [InlineData("Which specific sanctions are currently in force against North Korea?", "how that turned out")]
    public async Task A_question_whose_date_figure_place_or_name_the_article_lacks_is_declined(string question, string reason)
    {
        var (_, answerer) = Seed.Value;

        var answer = await answerer.AnswerAsync(question, null, CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Contains(reason, answer.Signals.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_piece_was_written_is_answered_with_its_date_and_its_first_dated_paragraph()
    {
        var (_, answerer) = Seed.Value;

        var answer = await answerer.AnswerAsync("when was this written", null, CancellationToken.None);

        Assert.StartsWith("Published: undated in the source; the text places it in November 2019", answer.Summary, StringComparison.Ordinal);
        Assert.Equal(1, answer.Citations[0].Paragraph);
    }

    [Theory]
    [InlineData("What is her proposal?")]
    [InlineData("What does the author propose?")]
    public async Task A_question_made_only_of_words_about_the_piece_is_answered_not_declined_as_uncovered(string question)
    {
        var (_, answerer) = Seed.Value;

        var answer = await answerer.AnswerAsync(question, null, CancellationToken.None);

        Assert.False(answer.Declined, answer.Signals.Reason);
        Assert.NotEqual(10, answer.Citations[0].Paragraph); // the proposals, not the author's biography
    }

    [Fact]
    public async Task A_year_the_article_is_dated_in_counts_as_covered_though_its_text_never_writes_it()
    {
        var (library, answerer) = Seed.Value;
        Assert.DoesNotContain("2019", string.Concat(library.Articles.Single().Paragraphs), StringComparison.Ordinal);

        var answer = await answerer.AnswerAsync("deadline = end of 2019, right?", null, CancellationToken.None);

        Assert.False(answer.Declined, answer.Signals.Reason);
    }

    [Fact]
    public async Task Example_questions_in_the_positions_file_steer_a_paraphrase_to_their_position()
    {
        var folder = TestArticles.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "bikes.md"), """
            ---
            title: Fund the lanes
            author: Sam Rivera
            outlet: The Gazette
            ---

            Protected bike lanes cut cycling injuries sharply in every city that built them.

            Critics say lanes hurt shop owners, but sales on streets with lanes rose after construction finished.
            """);
        var positions = """
            positions:
              - id: retail
                title: Lanes help shops
                paragraphs: [2]
                summary: Shops did better once the lanes opened.
            {0}
            """;
        await File.WriteAllTextAsync(Path.Combine(folder, "bikes.positions.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, positions, ""));
        const string Question = "Are local businesses better off now?";
        var without = await TestArticles.Answerer(ArticleLibrary.Load(folder)).AnswerAsync(Question, null, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, "bikes.positions.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, positions, """
                questions:
                  - "Are local businesses doing better?"
                  - "Does the neighbourhood economy gain?"
            """));
        var library = ArticleLibrary.Load(folder);
        var with = await TestArticles.Answerer(library).AnswerAsync(Question, null, CancellationToken.None);

        Assert.Equal(2, library.Articles[0].Positions[0].Questions.Length);
        Assert.True(without.Declined, "without example questions: " + without.Signals.Reason);
        Assert.False(with.Declined, with.Signals.Reason);
        Assert.Equal(2, with.Citations[0].Paragraph);
    }

    [Theory]
    [InlineData("What does the article say about Iran?", "The article never mentions 'Iran'. It covers: ")]
    [InlineData("Who is Kim Jong-un's sister?", "The article gives no such background detail. It covers: ")]
    [InlineData("How do I cook rice?", "The article doesn't address that. It covers: ")]
    [InlineData("Write me a poem about Kim Jong-un", "I answer questions about the article from its own words; I don't write new pieces. It covers: ")]
    [InlineData("How many nuclear warheads does North Korea have?", "The article gives no figure for that. It covers: ")]
    [InlineData("Did the talks actually happen in December?", "The article does not report how that turned out. It covers: ")]
    public async Task What_the_article_does_not_cover_is_declined_with_why_and_what_it_does_cover(string question, string opening)
    {
        var (library, answerer) = Seed.Value;

        var answer = await answerer.AnswerAsync(question, null, CancellationToken.None);

        Assert.True(answer.Declined, answer.Signals.Reason);
        Assert.Empty(answer.Citations);
        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
        Assert.All(library.Articles[0].Positions, p => Assert.Contains(p.Title, answer.Text, StringComparison.Ordinal));
    }

    // Floors against regressions, each a few points under the figure when it last changed (docs/PERFORMANCE.md).
    // held-out 1: paraphrases with words the article never uses. held-out 2: synonyms and near-miss topics. sealed:
    // held back for one round, then analysed. held-out 3 to 7: written by helpers who saw only the article and the
    // dev file; the misses of 4, 5 and 7 were never read; 5, 6 and 7 were first measured at the end of a round, and
    // 6's misses were read after that. tuning 1 (five voices) and 2 (clauses and angles): written the same way, read while
    // tuning. held-out 8 to 13: blind sets of the fourth round, each measured before and after that round's changes and
    // read only afterwards (8 and 9 at its start, 10 and 11 midway, 12 and 13 near its end). held-out 14 to 24: blind
    // sets of the fifth round, written a few at a time, each measured first and then read while tuning (16, 18, 19, 21
    // and 23 in the development set's own plain style, the others in chat voices). 25 (plain) and 26 (chat) were
    // written after the round's last change and measured once with its final code: these floors are that measure.
    // held-out 27 to 38: blind sets of the sixth round in four batches of three (two plain, one chat), each measured
    // once before it was read; the misses of 36 to 38, the last batch, prompted the round's last change. held-out 39 to
    // 53: blind sets of the seventh round in five batches of three (two plain, one chat), each measured once before it
    // was read, then read while tuning. 54 to 56 were written after the round's rules were done and measured once with
    // them; two small rules came after (what a side wants is its view; how someone died). 57 to 59 were written after
    // the round's last change and measured once with its final code before they were read; nothing changed after.
    // held-out 60 to 71: blind sets of the eighth round in four batches of three (plain, varied voices, chat), each
    // measured once before it was read, then read while tuning. 72 to 74 were written after the round's last change
    // and measured once with its final code: these floors are that measure. held-out 75 to 81: blind sets of the ninth
    // round, never read. 75 to 78 were measured first with the answers of the labelled questions (QuestionBank) as
    // first built, 79 to 81 after a later change. Both were then added to the labelled questions, which ask-eval and
    // these floors hold out (with copies of them) while measuring a set. Held-out 43's floor was lowered to 0.87 then:
    // the labelled questions decline "Who is Kim Jong-un?" like its twins "How old is Kim Jong-un?" (36/40). 82 to 84,
    // and then 85 to 90 (two in new styles: quoting the article, and terse search-box queries), were written after the
    // round's last change to answers and measured once with its final code: these floors are that measure. Tenth round:
    // a label citing several paragraphs backs each in full, which answers "Does the article discuss South Korean
    // elections?" from ¶1 like "What role does South Korea play?" (¶1, ¶5, ¶6, ¶8): sealed's 12 declines floor at 0.9.
    // Re-picks from 0.8 also moved its "Does the Trump-Kim rapport help diplomacy?" from ¶7 to ¶5 (24/26, above 0.9).
    // held-out 91 to 98: the tenth round's blind sets, measured once with its vote change before they joined the
    // labelled questions; these floors are their measure after joining, each held out with its copies.
    // held-out 99 to 104: written after the tenth round's last change and measured once with its final code; they are
    // not among the labelled questions, so they measure the answerer as a new question finds it.
    [Theory]
    [InlineData("heldout-questions.jsonl", 40, 0.93, 0.95)]
    [InlineData("heldout2-questions.jsonl", 100, 0.88, 0.95)]
    [InlineData("sealed-questions.jsonl", 35, 0.90, 0.90)]
    [InlineData("heldout3-questions.jsonl", 90, 0.90, 0.92)]
    [InlineData("heldout4-questions.jsonl", 85, 0.88, 0.89)]
    [InlineData("heldout5-questions.jsonl", 75, 0.85, 0.91)]
    [InlineData("heldout6-questions.jsonl", 75, 0.90, 0.91)]
    [InlineData("heldout7-questions.jsonl", 80, 0.84, 0.92)]
    [InlineData("tuning1-questions.jsonl", 95, 0.93, 0.85)]
    [InlineData("tuning2-questions.jsonl", 95, 0.92, 0.94)]
    [InlineData("heldout8-questions.jsonl", 80, 0.91, 0.80)]
    [InlineData("heldout9-questions.jsonl", 80, 0.87, 0.91)]
    [InlineData("heldout10-questions.jsonl", 85, 0.86, 0.88)]
    [InlineData("heldout11-questions.jsonl", 80, 0.81, 0.88)]
    [InlineData("heldout12-questions.jsonl", 85, 0.79, 0.88)]
    [InlineData("heldout13-questions.jsonl", 85, 0.78, 0.92)]
    [InlineData("heldout14-questions.jsonl", 90, 0.93, 0.92)]
    [InlineData("heldout15-questions.jsonl", 90, 0.85, 0.88)]
    [InlineData("heldout16-questions.jsonl", 60, 0.88, 0.94)]
    [InlineData("heldout17-questions.jsonl", 90, 0.92, 0.85)]
    [InlineData("heldout18-questions.jsonl", 60, 0.95, 0.94)]
    [InlineData("heldout19-questions.jsonl", 60, 0.95, 0.94)]
    [InlineData("heldout20-questions.jsonl", 90, 0.91, 0.92)]
    [InlineData("heldout21-questions.jsonl", 60, 0.93, 0.88)]
    [InlineData("heldout22-questions.jsonl", 90, 0.92, 0.95)]
    [InlineData("heldout23-questions.jsonl", 60, 0.95, 0.88)]
    [InlineData("heldout24-questions.jsonl", 90, 0.94, 0.95)]
    [InlineData("heldout25-questions.jsonl", 60, 0.95, 0.94)]
    [InlineData("heldout26-questions.jsonl", 90, 0.86, 0.92)]
    [InlineData("heldout27-questions.jsonl", 60, 0.98, 0.87)]
    [InlineData("heldout28-questions.jsonl", 61, 0.93, 0.98)]
    [InlineData("heldout29-questions.jsonl", 81, 0.93, 0.86)]
    [InlineData("heldout30-questions.jsonl", 60, 0.98, 0.92)]
    [InlineData("heldout31-questions.jsonl", 59, 0.88, 0.98)]
    [InlineData("heldout32-questions.jsonl", 80, 0.93, 0.90)]
    [InlineData("heldout33-questions.jsonl", 59, 0.86, 0.98)]
    [InlineData("heldout34-questions.jsonl", 61, 0.95, 0.98)]
    [InlineData("heldout35-questions.jsonl", 78, 0.94, 0.90)]
    [InlineData("heldout36-questions.jsonl", 58, 0.96, 0.98)]
    [InlineData("heldout37-questions.jsonl", 60, 0.93, 0.98)]
    [InlineData("heldout38-questions.jsonl", 81, 0.90, 0.94)]
    [InlineData("heldout39-questions.jsonl", 58, 0.92, 0.95)]
    [InlineData("heldout40-questions.jsonl", 62, 0.92, 0.81)]
    [InlineData("heldout41-questions.jsonl", 70, 0.95, 0.92)]
    [InlineData("heldout42-questions.jsonl", 60, 0.97, 0.95)]
    [InlineData("heldout43-questions.jsonl", 60, 0.87, 0.90)]
    [InlineData("heldout44-questions.jsonl", 71, 0.93, 0.92)]
    [InlineData("heldout45-questions.jsonl", 58, 0.92, 0.95)]
    [InlineData("heldout46-questions.jsonl", 58, 0.95, 0.85)]
    [InlineData("heldout47-questions.jsonl", 70, 0.95, 0.92)]
    [InlineData("heldout48-questions.jsonl", 58, 0.90, 0.95)]
    [InlineData("heldout49-questions.jsonl", 58, 0.97, 0.85)]
    [InlineData("heldout50-questions.jsonl", 73, 0.87, 0.96)]
    [InlineData("heldout51-questions.jsonl", 59, 0.95, 0.95)]
    [InlineData("heldout52-questions.jsonl", 58, 0.90, 0.95)]
    [InlineData("heldout53-questions.jsonl", 68, 0.97, 0.92)]
    [InlineData("heldout54-questions.jsonl", 58, 0.97, 0.95)]
    [InlineData("heldout55-questions.jsonl", 59, 0.90, 0.80)]
    [InlineData("heldout56-questions.jsonl", 68, 0.88, 0.92)]
    [InlineData("heldout57-questions.jsonl", 58, 0.90, 0.95)]
    [InlineData("heldout58-questions.jsonl", 60, 0.95, 0.95)]
    [InlineData("heldout59-questions.jsonl", 70, 0.93, 0.84)]
    [InlineData("heldout60-questions.jsonl", 63, 0.92, 0.95)]
    [InlineData("heldout61-questions.jsonl", 60, 0.92, 0.95)]
    [InlineData("heldout62-questions.jsonl", 71, 0.93, 0.95)]
    [InlineData("heldout63-questions.jsonl", 60, 0.85, 0.95)]
    [InlineData("heldout64-questions.jsonl", 61, 0.90, 0.95)]
    [InlineData("heldout65-questions.jsonl", 72, 0.89, 0.91)]
    [InlineData("heldout66-questions.jsonl", 60, 0.95, 0.95)]
    [InlineData("heldout67-questions.jsonl", 60, 0.92, 0.90)]
    [InlineData("heldout68-questions.jsonl", 74, 0.93, 0.95)]
    [InlineData("heldout69-questions.jsonl", 60, 0.92, 0.90)]
    [InlineData("heldout70-questions.jsonl", 60, 0.90, 0.95)]
    [InlineData("heldout71-questions.jsonl", 73, 0.90, 0.95)]
    [InlineData("heldout72-questions.jsonl", 64, 0.86, 0.95)]
    [InlineData("heldout73-questions.jsonl", 63, 0.88, 0.90)]
    [InlineData("heldout74-questions.jsonl", 74, 0.88, 0.85)]
    [InlineData("heldout75-questions.jsonl", 62, 0.93, 0.95)]
    [InlineData("heldout76-questions.jsonl", 63, 0.93, 0.95)]
    [InlineData("heldout77-questions.jsonl", 72, 0.90, 0.95)]
    [InlineData("heldout78-questions.jsonl", 61, 0.93, 0.95)]
    [InlineData("heldout79-questions.jsonl", 64, 0.91, 0.95)]
    [InlineData("heldout80-questions.jsonl", 65, 0.89, 0.95)]
    [InlineData("heldout81-questions.jsonl", 73, 0.95, 0.95)]
    [InlineData("heldout82-questions.jsonl", 61, 0.89, 0.95)]
    [InlineData("heldout83-questions.jsonl", 60, 0.91, 0.95)]
    [InlineData("heldout84-questions.jsonl", 72, 0.90, 0.95)]
    [InlineData("heldout85-questions.jsonl", 61, 0.86, 0.90)]
    [InlineData("heldout86-questions.jsonl", 63, 0.93, 0.95)]
    [InlineData("heldout87-questions.jsonl", 71, 0.90, 0.95)]
    [InlineData("heldout88-questions.jsonl", 60, 0.90, 0.95)]
    [InlineData("heldout89-questions.jsonl", 62, 0.93, 0.95)]
    [InlineData("heldout90-questions.jsonl", 61, 0.88, 0.95)]
    [InlineData("heldout91-questions.jsonl", 62, 0.90, 0.90)]
    [InlineData("heldout92-questions.jsonl", 64, 0.95, 0.95)]
    [InlineData("heldout93-questions.jsonl", 72, 0.89, 0.90)]
    [InlineData("heldout94-questions.jsonl", 61, 0.95, 0.95)]
    [InlineData("heldout95-questions.jsonl", 63, 0.95, 0.95)]
    [InlineData("heldout96-questions.jsonl", 63, 0.88, 0.95)]
    [InlineData("heldout97-questions.jsonl", 60, 0.92, 0.95)]
    [InlineData("heldout98-questions.jsonl", 60, 0.92, 0.90)]
    [InlineData("heldout99-questions.jsonl", 61, 0.95, 0.95)]
    [InlineData("heldout100-questions.jsonl", 61, 0.92, 0.95)]
    [InlineData("heldout101-questions.jsonl", 72, 0.95, 0.91)]
    [InlineData("heldout102-questions.jsonl", 60, 0.95, 0.95)]
    [InlineData("heldout103-questions.jsonl", 62, 0.95, 0.95)]
    [InlineData("heldout104-questions.jsonl", 60, 0.92, 0.90)]
    public async Task Held_out_sets_stay_above_their_floors_and_no_quote_is_ever_fabricated(string file, int minimumCases, double onTopicFloor, double declineFloor)
    {
        var cases = await EvalCase.ReadJsonLinesAsync(Path.Combine(AppContext.BaseDirectory, "Knowledge", file), CancellationToken.None);
        // The set's own questions are among the labelled ones: held out with their copies, as ask-eval does, or the
        // floors would measure recall.
        var library = Seed.Value.Library;
        var answerer = TestArticles.Answerer(library, [.. cases.Select(c => c.Question)]);

        var report = await AnswerEvaluator.EvaluateAsync(answerer, library, cases, CancellationToken.None);

        Assert.True(cases.Count >= minimumCases);
        Assert.Equal(0, report.FabricatedQuotes);
        Assert.True(report.OnTopicAccuracy >= onTopicFloor, report.Summary(file));
        Assert.True(report.DeclineRate >= declineFloor, report.Summary(file));
    }

    [Fact]
    public async Task A_second_article_dropped_into_the_folder_is_answerable_without_positions()
    {
        var folder = TestArticles.NewTempFolder();
        File.Copy(Path.Combine(TestArticles.ArticlesFolder, "north-korea-talks.md"), Path.Combine(folder, "north-korea-talks.md"));
        File.Copy(Path.Combine(TestArticles.ArticlesFolder, "north-korea-talks.positions.yaml"), Path.Combine(folder, "north-korea-talks.positions.yaml"));
        await File.WriteAllTextAsync(Path.Combine(folder, BikesArticle.Slug + ".md"), BikesArticle.Text);
        var library = ArticleLibrary.Load(folder);
        var answerer = TestArticles.Answerer(library);

        var answer = await answerer.AnswerAsync("Do bike lanes reduce injuries for cyclists?", null, CancellationToken.None);
        var chosen = await answerer.AnswerAsync("Do bike lanes hurt shop owners?", "city-bikes", CancellationToken.None);
        var declined = await answerer.AnswerAsync("What does the article say about Iran?", "city-bikes", CancellationToken.None);

        Assert.Null(library.Default);
        Assert.False(answer.Declined, answer.Signals.Reason);
        Assert.Equal(("city-bikes", 2), (answer.Citations[0].ArticleSlug, answer.Citations[0].Paragraph));
        Assert.Contains(answer.Citations[0].Quote, library.Articles.Single(a => a.Slug == "city-bikes").Paragraph(2), StringComparison.Ordinal);
        Assert.Contains("Sam Rivera", answer.Attribution, StringComparison.Ordinal);
        Assert.Equal(3, chosen.Citations[0].Paragraph);
        Assert.True(declined.Declined);
        Assert.Contains("¶1 The council will vote", declined.Text, StringComparison.Ordinal);
    }
}
