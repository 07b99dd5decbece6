using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class StructureAndAnswerKindTests
{
    private const string Markdown = """
        ---
        title: Three reasons to fund bike lanes
        author: Sam Rivera
        outlet: The Gazette
        ---

        The council votes on the transport budget in March.

        First, protected lanes cut injuries.

        Second: they cost less than new roads.

        And third, shops on streets with lanes sold more.

        In the end the choice is about safety.

        Sam Rivera writes about cities for The Gazette.
        """;

    private static readonly Article Article = ArticleParser.Parse("bikes", Markdown, null);

    [Theory]
    [InlineData("What's the author's third point?", 4)]
    [InlineData("what is her second argument", 3)]
    [InlineData("And the first reason?", 2)]
    [InlineData("What's the last point she makes?", 4)]
    [InlineData("How does the piece end?", 5)]
    [InlineData("What is the conclusion?", 5)]
    [InlineData("How does the article open?", 1)]
    [InlineData("How does the author wrap up?", 5)]
    [InlineData("what are her closing thoughts", 5)]
    [InlineData("What's point number two in the op-ed?", 3)]
    [InlineData("and reason #3?", 4)]
    [InlineData("What's the first of the author's three points?", 2)]
    [InlineData("the last of her reasons, please", 4)]
    [InlineData("and point two?", 3)]
    [InlineData("point 1 summary pls", 2)]
    [InlineData("What is the author's first piece of advice for the council?", 2)]
    [InlineData("and her second suggestion?", 3)]
    [InlineData("Why does the headline say 'lanes'?", 2)]
    public void Questions_about_the_text_s_shape_point_at_paragraphs(string question, int paragraph) =>
        Assert.Equal(paragraph, new StructureCues(Article).ParagraphFor(question));

    [Theory]
    [InlineData("Do bike lanes cut injuries?")]
    [InlineData("When does the council vote?")]
    [InlineData("What is the point of the lanes?")]
    [InlineData("Can you summarize the piece?")]
    [InlineData("What's the first thing the council should do?")]
    [InlineData("what's trump's first piece of advice for investors?")]
    [InlineData("any final suggestions for the council?")]
    [InlineData("what's the first suggestion the council could adopt?")]
    [InlineData("Will it end in a lawsuit?")]
    [InlineData("When will the budget talks conclude?")]
    [InlineData("What's the point? Two lanes are plenty.")]
    [InlineData("Is there any reason two summits failed?")]
    [InlineData("Is point 2 percent growth enough?")]
    [InlineData("Is there any reason 2 summits failed?")]
    [InlineData("What is the title of the council's chair?")]
    [InlineData("Why does the headline say 'fund'?")]
    [InlineData("What's the headline?")]
    [InlineData("What is the lesson one learns from this?")]
    public void Topical_questions_have_no_structural_paragraph(string question) =>
        Assert.Null(new StructureCues(Article).ParagraphFor(question));

    [Theory]
    [InlineData("How many points does the author make?", 2)]
    [InlineData("How is the op-ed organized?", 2)]
    [InlineData("how is the piece structured", 2)]
    [InlineData("How does the author introduce her list of points?", 2)]
    [InlineData("How many key reasons does she give?", 2)]
    [InlineData("How many lanes does the city have?", null)]
    [InlineData("How is the budget organized?", null)]
    [InlineData("How many lessons did the council learn from other cities?", null)]
    [InlineData("What is the article about?", 2)]
    [InlineData("what are the 2 things she says we need to realize", 2)]
    [InlineData("what's this op-ed all about??", 2)]
    [InlineData("whats the article about", 2)]
    [InlineData("what was the article mainly about?", 2)]
    [InlineData("Can you summarize it?", 2)]
    [InlineData("What is the article about Syria?", null)]
    [InlineData("Summarize the budget debate", null)]
    public void The_paragraph_announcing_the_points_answers_questions_about_them(string question, int? paragraph)
    {
        var announced = ArticleParser.Parse("announced", "---\ntitle: T\nauthor: A B\noutlet: O\n---\n\nThe vote is near.\n\nThere are two reasons to act now.\n\nFirst, it is safe.\n\nSecond, it is cheap.\n\nA B is a writer.\n", null);

        Assert.Equal(paragraph, new StructureCues(announced).ParagraphFor(question));
    }

    [Theory]
    [InlineData("when was this written", 2)]
    [InlineData("Roughly when was the piece published, judging by the text?", 2)]
    [InlineData("What year is the article from?", 2)]
    [InlineData("When was the council's plan written?", null)]
    [InlineData("When does the council vote?", null)]
    public void The_first_dated_paragraph_answers_when_a_dated_piece_was_written(string question, int? paragraph)
    {
        var dated = ArticleParser.Parse("dated", "---\ntitle: T\nauthor: A B\noutlet: O\npublished: 2026-03-02\n---\n\nThe vote is near.\n\nThe council votes in March.\n\nA B is a writer.\n", null);

        Assert.Equal(paragraph, new StructureCues(dated).ParagraphFor(question));
        Assert.Equal(paragraph is not null, StructureCues.AsksWhenWritten(question));
    }

    [Fact]
    public void A_piece_dated_only_in_its_front_matter_answers_with_its_opening_and_an_undated_one_not_at_all()
    {
        var datedAbove = ArticleParser.Parse("above", "---\ntitle: T\nauthor: A B\noutlet: O\npublished: 2026-03-02\n---\n\nThe vote is near.\n\nA B is a writer.\n", null);

        Assert.Equal(1, new StructureCues(datedAbove).ParagraphFor("When was this written?"));
        Assert.Null(new StructureCues(Article).ParagraphFor("When was this written?")); // "in March", but no date above
    }

    [Fact]
    public void Points_that_are_not_announced_have_no_overview_paragraph() =>
        Assert.Null(new StructureCues(Article).ParagraphFor("How many points does the author make?"));

    [Fact]
    public void An_article_without_numbered_points_has_no_numbered_paragraphs_but_still_a_conclusion()
    {
        var plain = ArticleParser.Parse("plain", "---\ntitle: T\nauthor: A B\noutlet: O\n---\n\nOne.\n\nTwo.\n\nA B is a writer.\n", null);

        Assert.Null(new StructureCues(plain).ParagraphFor("What is the second point?"));
        Assert.Equal(2, new StructureCues(plain).ParagraphFor("How does the article conclude?"));
    }

    [Theory]
    [InlineData("When did the Korean War start?", AnswerKind.Date)]
    [InlineData("When was the warning made?", AnswerKind.Date)]
    [InlineData("so when will talks resume?", AnswerKind.Time)]
    [InlineData("How long has Trump got left in office?", AnswerKind.Time)]
    [InlineData("What year did the warning come?", AnswerKind.Date)]
    [InlineData("How many warheads does North Korea have?", AnswerKind.Quantity)]
    [InlineData("What is the size of the army?", AnswerKind.Quantity)]
    [InlineData("How much should we expect from these talks?", AnswerKind.Any)]
    [InlineData("What happens if there is no deal by January?", AnswerKind.Any)]
    [InlineData("Why does the timing matter?", AnswerKind.Any)]
    [InlineData("How much does the US spend on joint drills each year?", AnswerKind.Quantity)]
    [InlineData("How much of its GDP comes from coal?", AnswerKind.Quantity)]
    [InlineData("How far can its missiles reach?", AnswerKind.Quantity)]
    [InlineData("How far should Washington go to get a deal?", AnswerKind.Any)]
    [InlineData("Where will the new talks be held?", AnswerKind.Place)]
    [InlineData("Where are the working-level talks going to be held?", AnswerKind.Place)]
    [InlineData("so where does the author work?", AnswerKind.Place)]
    [InlineData("Where does the author stand on sanctions?", AnswerKind.Any)]
    [InlineData("Where did the news about new talks come from?", AnswerKind.Any)]
    [InlineData("Where does the author stand on holding talks?", AnswerKind.Any)]
    [InlineData("What range of options does Washington have?", AnswerKind.Any)]
    [InlineData("Who leads the US negotiating team?", AnswerKind.Name)]
    [InlineData("What were the names of the officials?", AnswerKind.Name)]
    [InlineData("What's his name?", AnswerKind.Name)]
    [InlineData("Who is the current prime minister of Japan?", AnswerKind.Name)]
    [InlineData("Who is South Korea's president?", AnswerKind.Name)]
    [InlineData("How old is Kim Jong-un?", AnswerKind.Age)]
    [InlineData("Who called Trump a new father figure for Kim?", AnswerKind.Any)]
    [InlineData("Who is the author?", AnswerKind.Any)]
    [InlineData("In which city will the working-level talks be held?", AnswerKind.Place)]
    [InlineData("what venue is it at", AnswerKind.Place)]
    [InlineData("Which countries' dictators are mentioned?", AnswerKind.Any)]
    [InlineData("Who is the South Korean official that said the talks might resume?", AnswerKind.Name)]
    [InlineData("Who is the source for the report of new talks?", AnswerKind.Any)]
    [InlineData("what range do north korea's missiles have", AnswerKind.Quantity)]
    [InlineData("Did the talks actually happen in December?", AnswerKind.Outcome)]
    [InlineData("Did the talks end up happening?", AnswerKind.Outcome)]
    [InlineData("What came of the talks?", AnswerKind.Outcome)]
    [InlineData("How did the summit turn out?", AnswerKind.Outcome)]
    [InlineData("What did Kim say in his most recent New Year's speech?", AnswerKind.Statement)]
    [InlineData("What did Bonnie Kristian write in her Time Magazine articles?", AnswerKind.Statement)]
    [InlineData("What did Pyongyang say in its warning?", AnswerKind.Any)]
    [InlineData("What does the article say in its conclusion?", AnswerKind.Any)]
    [InlineData("What did the author say in the article about the speech?", AnswerKind.Any)]
    [InlineData("What did she write in her column?", AnswerKind.Statement)]
    [InlineData("What did Kim do after the year-end deadline passed?", AnswerKind.Outcome)]
    [InlineData("What happened when 2020 arrived with no deal?", AnswerKind.Outcome)]
    [InlineData("What happens if 2020 arrives without progress?", AnswerKind.Any)]
    [InlineData("Did Trump really say he loves Kim?", AnswerKind.Any)]
    [InlineData("Did Pyongyang threaten to end the friendship?", AnswerKind.Any)]
    [InlineData("who's leading the US negotiating team", AnswerKind.Name)]
    [InlineData("who's the US special envoy for NK", AnswerKind.Name)]
    [InlineData("who was the south korean president back then", AnswerKind.Name)]
    [InlineData("Who is the North Korean leader?", AnswerKind.Name)]
    [InlineData("Which South Korean official said the talks could resume?", AnswerKind.Name)]
    [InlineData("What is the name of North Korea's state news agency?", AnswerKind.Organization)]
    [InlineData("What's the name of the think tank she's a fellow at?", AnswerKind.Organization)]
    [InlineData("What are the names of the officials?", AnswerKind.Name)]
    [InlineData("Did North Korea resume missile tests after the deadline passed?", AnswerKind.Outcome)]
    [InlineData("what did biden end up doing on nk", AnswerKind.Outcome)]
    [InlineData("Did the talks produce an agreement before the end of 2019?", AnswerKind.Outcome)]
    [InlineData("is kim jong un even still alive lol", AnswerKind.Outcome)]
    [InlineData("Is Kim still in power?", AnswerKind.Outcome)]
    [InlineData("What happens if the deadline passes?", AnswerKind.Any)]
    [InlineData("Is the deadline still meaningful?", AnswerKind.Any)]
    [InlineData("How many years could Trump still be president?", AnswerKind.Quantity)]
    [InlineData("Would lifting sanctions produce a deal?", AnswerKind.Any)]
    [InlineData("Did the December talks succeed?", AnswerKind.Outcome)]
    [InlineData("Did North Korea actually follow through on its year-end deadline?", AnswerKind.Outcome)]
    [InlineData("Where was Bonnie Kristian born?", AnswerKind.Biography)]
    [InlineData("Where did the author go to college?", AnswerKind.Biography)]
    [InlineData("What is her educational background?", AnswerKind.Biography)]
    [InlineData("whats bonnie kristian's twitter handle", AnswerKind.Biography)]
    [InlineData("how does biden handle nk compared to trump", AnswerKind.Any)]
    [InlineData("To what degree does the author blame Trump?", AnswerKind.Any)]
    [InlineData("Does the author back educational exchanges?", AnswerKind.Any)]
    [InlineData("Did Trump announce it on Twitter?", AnswerKind.Any)]
    [InlineData("What would North Korea do if the deadline passed?", AnswerKind.Any)]
    [InlineData("What did North Korea threaten to carry out?", AnswerKind.Any)]
    [InlineData("Did the author think talks would get anywhere?", AnswerKind.Any)]
    [InlineData("Did the author suggest the US reach an interim agreement?", AnswerKind.Any)]
    [InlineData("What concessions would the US have to make so talks don't end up collapsing?", AnswerKind.Any)]
    [InlineData("Is diplomacy still alive, in the author's view?", AnswerKind.Any)]
    [InlineData("Would the talks fail without concessions?", AnswerKind.Any)]
    [InlineData("what other books has bonnie kristian written", AnswerKind.Biography)]
    [InlineData("is kim jong un's health ok", AnswerKind.Biography)]
    [InlineData("Is Kim sick?", AnswerKind.Biography)]
    [InlineData("Who was Kim Jong-un's father?", AnswerKind.Family)]
    [InlineData("What does his sister do?", AnswerKind.Family)]
    [InlineData("Who is Trump's son-in-law?", AnswerKind.Name)] // a name, not a relative the passage must speak of
    [InlineData("Who called Trump a father figure for Kim?", AnswerKind.Any)]
    [InlineData("whats defense priorities budget", AnswerKind.Quantity)]
    [InlineData("What is the range of North Korea's newest ICBMs?", AnswerKind.Quantity)]
    [InlineData("Who is the U.S. special representative for North Korea?", AnswerKind.Name)]
    [InlineData("whats the south korean official's name", AnswerKind.Name)]
    [InlineData("who is bonnie kristian married to", AnswerKind.Family)]
    [InlineData("How did Kim Jong-un come to power?", AnswerKind.Biography)]
    [InlineData("Does Kim want to stay in power?", AnswerKind.Any)]
    [InlineData("is jared kushner still working at the white house", AnswerKind.Outcome)]
    [InlineData("ok can u summarize the latest north korean missile launch", AnswerKind.Outcome)]
    [InlineData("write me a poem about kim jong-un pls", AnswerKind.Request)]
    [InlineData("can you write a haiku about the talks", AnswerKind.Request)]
    [InlineData("translate 'peace' into korean pls", AnswerKind.Request)]
    [InlineData("what are the military drills called", AnswerKind.Organization)]
    [InlineData("which drills got cancelled, like what were they called", AnswerKind.Organization)]
    [InlineData("What did Trump tweet about Kim last week?", AnswerKind.Outcome)]
    [InlineData("Have the negotiations been making progress lately?", AnswerKind.Any)]
    [InlineData("Has she written for USA Today?", AnswerKind.Any)] // an outlet, not the asker's day
    [InlineData("Does the US still have the upper hand today?", AnswerKind.Any)]
    [InlineData("Is deterrence still working in practice?", AnswerKind.Any)]
    [InlineData("Is the Kim regime even serving its people?", AnswerKind.Any)]
    [InlineData("What was the most recent statement from North Korean state media?", AnswerKind.Any)]
    [InlineData("What were the points the author called important?", AnswerKind.Any)]
    [InlineData("what is this so called year-end deadline?", AnswerKind.Any)]
    [InlineData("Who is Trump's son in law?", AnswerKind.Name)]
    [InlineData("Does Kim see Trump as his father?", AnswerKind.Any)]
    [InlineData("How would lifting sanctions help North Koreans and their children?", AnswerKind.Any)]
    [InlineData("Why is Washington so married to denuclearization?", AnswerKind.Any)]
    [InlineData("is bonnie kristian married", AnswerKind.Family)]
    [InlineData("how did gadhafi die exactly", AnswerKind.Biography)]
    [InlineData("Would Kim be killed if he attacked?", AnswerKind.Any)]
    [InlineData("Is the author sick of the Trump-Kim drama?", AnswerKind.Any)]
    [InlineData("What is the price of a nuclear freeze?", AnswerKind.Any)]
    [InlineData("Translate 'functionally infinite' into plain words", AnswerKind.Any)]
    [InlineData("What if a hardliner came to power in Pyongyang?", AnswerKind.Any)]
    [InlineData("How often have Trump and Kim met?", AnswerKind.Quantity)]
    [InlineData("What should the US write into a deal?", AnswerKind.Any)]
    [InlineData("whats the total dollar value of the sanctions on north korea", AnswerKind.Quantity)]
    [InlineData("Who founded Defense Priorities?", AnswerKind.Biography)]
    [InlineData("What did Jared Kushner do before joining the White House?", AnswerKind.Biography)]
    [InlineData("must north korea give up its nukes before entering negotiations?", AnswerKind.Any)]
    [InlineData("should south korea cancel drills before joining talks?", AnswerKind.Any)]
    [InlineData("what do backers of sanctions relief argue?", AnswerKind.Any)]
    [InlineData("does deterrence still apply now that north korea has nukes?", AnswerKind.Any)]
    [InlineData("is us deterrence still in place even with kim's arsenal?", AnswerKind.Any)]
    [InlineData("in place of sanctions, what leverage does washington have now?", AnswerKind.Any)]
    [InlineData("in effect the deadline is meaningless now, right?", AnswerKind.Any)]
    [InlineData("How did Kim Jong-un become North Korea's leader?", AnswerKind.Biography)]
    [InlineData("How did the talks become so stalled?", AnswerKind.Any)]
    [InlineData("Should the US cancel the drills before talks resume?", AnswerKind.Any)]
    [InlineData("who funds defense priorities", AnswerKind.Biography)]
    [InlineData("Who is the founder of the think tank?", AnswerKind.Biography)]
    [InlineData("Who funded the Kim regime's missile program, per the author?", AnswerKind.Biography)]
    [InlineData("Which specific sanctions are currently in force against North Korea?", AnswerKind.Outcome)]
    [InlineData("are the sanctions still in place today", AnswerKind.Outcome)]
    [InlineData("which sanctions are in force against nk right now", AnswerKind.Outcome)]
    [InlineData("what exact year did the us last cancel the drills", AnswerKind.Date)]
    [InlineData("In which specific month is the deadline?", AnswerKind.Time)]
    [InlineData("Would the sanctions still apply if talks resumed?", AnswerKind.Any)]
    [InlineData("Does the author agree in principle to lifting sanctions?", AnswerKind.Any)]
    public void A_question_s_answer_kind_is_recognised(string question, AnswerKind kind) =>
        Assert.Equal(kind, AnswerKinds.Of(question));

    [Theory]
    [InlineData(AnswerKind.Time, "Talks could open later this month or in early December.", true)]
    [InlineData(AnswerKind.Time, "If 2020 arrives without progress, relations end.", true)]
    [InlineData(AnswerKind.Quantity, "If 2020 arrives without progress, relations end.", false)]
    [InlineData(AnswerKind.Quantity, "Trump has at most five more years in office.", true)]
    [InlineData(AnswerKind.Quantity, "The deadline is the end of 1700 days.", true)]
    [InlineData(AnswerKind.Time, "Trump has at most five more years in office.", true)]
    [InlineData(AnswerKind.Date, "Trump has at most five more years in office.", false)]
    [InlineData(AnswerKind.Date, "North Korean state media warned in late October.", true)]
    [InlineData(AnswerKind.Time, "Preventing war is our ultimate aim. They may be smaller goals.", false)]
    [InlineData(AnswerKind.Quantity, "There are three important points.", true)]
    [InlineData(AnswerKind.Quantity, "Washington could offer to lift sanctions.", false)]
    [InlineData(AnswerKind.Any, "Anything at all.", true)]
    [InlineData(AnswerKind.Place, "She is a fellow at Defense Priorities.", true)]
    [InlineData(AnswerKind.Age, "Kim, then 27 years old, took power.", true)]
    [InlineData(AnswerKind.Age, "If 2020 arrives without progress, relations end.", false)]
    [InlineData(AnswerKind.Age, "In an age of sanctions, a deal born of necessity.", false)]
    [InlineData(AnswerKind.Place, "Talks could open in December.", false)]
    [InlineData(AnswerKind.Place, "A warning came from Kim himself.", false)]
    [InlineData(AnswerKind.Place, "Talks could open later this month, a South Korean official has indicated.", false)]
    [InlineData(AnswerKind.Time, "She is a contributing editor at The Week.", false)]
    [InlineData(AnswerKind.Time, "Her writing has appeared in USA Today.", false)]
    [InlineData(AnswerKind.Time, "The envoys met last week.", true)]
    [InlineData(AnswerKind.Time, "It took weeks.", true)]
    [InlineData(AnswerKind.Outcome, "The talks took place in Stockholm and collapsed.", true)]
    [InlineData(AnswerKind.Outcome, "Talks could open later this month or in early December.", false)]
    [InlineData(AnswerKind.Organization, "She is a fellow at Defense Priorities.", true)]
    [InlineData(AnswerKind.Organization, "The Korean Central News Agency reported the warning.", true)]
    [InlineData(AnswerKind.Organization, "KCNA reported the warning.", true)]
    [InlineData(AnswerKind.Time, "Today, Pyongyang warned again.", true)]
    [InlineData(AnswerKind.Time, "Talks stalled. Weeks later they resumed.", true)]
    [InlineData(AnswerKind.Biography, "She graduated from Yale and lives in Ohio.", true)]
    [InlineData(AnswerKind.Biography, "She is a fellow at Defense Priorities and contributing editor at The Week.", false)]
    [InlineData(AnswerKind.Biography, "Defense Priorities was founded in 2016 and is funded by private donors.", true)]
    [InlineData(AnswerKind.Organization, "State media warned that relations between President Trump and leader Kim Jong-un will end.", false)]
    public void A_passage_supplies_a_date_a_number_a_place_or_an_age_only_when_it_holds_one(AnswerKind kind, string passage, bool supplies) =>
        Assert.Equal(supplies, AnswerKinds.Supplies(kind, passage));

    [Theory]
    [InlineData("Who leads the team?", "Kim, per White House advisor Jared Kushner, sees a father figure.", true)]
    [InlineData("Who leads the team?", "The United States and North Korea could talk, a South Korean official has indicated.", false)]
    [InlineData("Who leads the team, Jared Kushner?", "Kim, per White House advisor Jared Kushner, sees a father figure.", false)]
    [InlineData("Who is South Korea's president?", "South Korean President Moon Jae-in spoke.", true)]
    [InlineData("Who heads the committee?", "Ed Royce chairs it.", true)] // "Ed" is inside "heads", not a word of the question
    public void A_passage_supplies_a_name_only_when_it_holds_one_the_question_lacks(string question, string passage, bool supplies) =>
        Assert.Equal(supplies, AnswerKinds.Supplies(AnswerKind.Name, passage, question));

    [Theory]
    [InlineData("What is the name of the state news agency?", "The Korean Central News Agency reported the warning.", true)]
    [InlineData("What is the name of the Korean Central News Agency's chief?", "The Korean Central News Agency reported the warning.", false)]
    public void An_organisation_the_question_names_in_lower_case_is_still_an_answer(string question, string passage, bool supplies) =>
        Assert.Equal(supplies, AnswerKinds.Supplies(AnswerKind.Organization, passage, question));

    [Theory]
    [InlineData("What did Kim say in his New Year's speech?", "In his New Year's speech, Kim said he would wait.", true)]
    [InlineData("What did Kim say in his New Year's speech?", "State media warned in late October.", false)]
    [InlineData("What did she write in her columns?", "Her column in The Week argued the opposite.", true)]
    public void A_passage_quotes_a_speech_or_piece_only_when_it_mentions_one(string question, string passage, bool supplies) =>
        Assert.Equal(supplies, AnswerKinds.Supplies(AnswerKind.Statement, passage, question));

    [Theory]
    [InlineData("Did North Korea test a missile in 2020?", AnswerKind.Outcome, 2019)]
    [InlineData("Did North Korea test a missile in 2019?", AnswerKind.Any, 2019)]
    [InlineData("What did Pyongyang say would happen in 2020?", AnswerKind.Any, 2019)]
    [InlineData("Was 2020 the deadline?", AnswerKind.Any, 2019)]
    [InlineData("What was supposed to happen if 2020 arrived without progress?", AnswerKind.Any, 2019)]
    [InlineData("What did the warning about 2020 mean?", AnswerKind.Any, 2019)]
    [InlineData("did kim cut ties in 20٢٠", AnswerKind.Any, 2019)] // other scripts' digits are no year
    [InlineData("Did North Korea test a missile in 2020?", AnswerKind.Any, null)]
    public void A_question_about_what_happened_after_the_article_was_written_asks_an_outcome(string question, AnswerKind kind, int? writtenIn) =>
        Assert.Equal(kind, AnswerKinds.Of(question, writtenIn));

    [Theory]
    [InlineData("Who was Kim Jong-un's father?", "Kim, per Trump son-in-law Jared Kushner, sees him like a new father figure.", false)]
    [InlineData("Who was Kim Jong-un's father?", "Kim succeeded his father, Kim Jong-il, in 2011.", true)]
    [InlineData("What does Kim's sister do?", "Kim's sister Kim Yo-jong runs propaganda.", true)]
    public void A_passage_speaks_of_a_relative_only_when_it_names_that_relation(string question, string passage, bool supplies) =>
        Assert.Equal(supplies, AnswerKinds.Supplies(AnswerKind.Family, passage, question));

    [Theory]
    [InlineData("How many times have Trump and Kim met?", "Trump has at most five more years in office.", false)]
    [InlineData("How many times have Trump and Kim met?", "Her writing has appeared in the Los Angeles Times.", false)]
    [InlineData("How often have they met?", "They met three times in Asia.", true)]
    [InlineData("How often have they met?", "Once talks resume, at times they may meet.", false)]
    [InlineData("How many years does Trump have left?", "Trump has at most five more years in office.", true)]
    public void How_often_something_happened_needs_a_frequency_not_any_figure(string question, string passage, bool supplies) =>
        Assert.Equal(supplies, AnswerKinds.Supplies(AnswerKind.Quantity, passage, question));
}
