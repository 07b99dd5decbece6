using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class TextProcessingTests
{
    [Theory]
    [InlineData("sanctions", "sanction")]
    [InlineData("normalizing", "normalization")]
    [InlineData("achievable", "achieve")]
    [InlineData("stopping", "stop")]
    [InlineData("attacks", "attacking")]
    public void Word_forms_meet_at_one_stem(string a, string b) => Assert.Equal(Stemmer.Stem(a), Stemmer.Stem(b));

    [Theory]
    [InlineData("pointless", "points")]
    [InlineData("meaningless", "meaning")]
    public void A_word_and_its_opposite_in_less_do_not_meet(string a, string b) => Assert.NotEqual(Stemmer.Stem(a), Stemmer.Stem(b));

    [Fact]
    public void Analyzer_drops_stop_words_possessives_and_spells_out_us()
    {
        Assert.Equal(["kim", "nuclear", "arsenal"], TextAnalyzer.Terms("Is Kim's nuclear arsenal the"));
        Assert.Equal(TextAnalyzer.Terms("United States"), TextAnalyzer.Terms("U.S."));
        Assert.Equal(TextAnalyzer.Terms("United States"), TextAnalyzer.Terms("the US"));
        Assert.Equal(["will"], TextAnalyzer.Tokens("won't").Select(t => t.Surface));
    }

    [Fact]
    public void An_acronym_s_plural_or_apostrophe_less_possessive_is_the_acronym()
    {
        Assert.Equal(["nk", "side"], TextAnalyzer.Terms("NKs side"));
        Assert.Equal(TextAnalyzer.Terms("ICBM"), TextAnalyzer.Terms("ICBMs"));
        Assert.Equal(["ms", "is"], TextAnalyzer.Tokens("Ms IS").Select(t => t.Surface)); // one capital, or a capital S
    }

    [Fact]
    public void Sentences_are_exact_substrings_and_abbreviations_do_not_split()
    {
        const string paragraph = "North Korea’s arsenal changes — but does not tip — its balance with the U.S. Kim knows “swift” response follows. Mr. Smith agrees! Done?";

        var sentences = SentenceSplitter.Split(paragraph);

        Assert.All(sentences, s => Assert.Contains(s, paragraph, StringComparison.Ordinal));
        Assert.Equal(3, sentences.Count);
        Assert.Equal("Mr. Smith agrees!", sentences[1]);
    }

    [Fact]
    public void Bm25_prefers_the_document_with_the_rarer_matching_term()
    {
        var index = new Bm25Index([["kim", "deadline"], ["kim", "talk"], ["kim", "sanction", "lift"]]);

        var scores = index.Score(["kim", "sanction"]);

        Assert.Equal(2, Array.IndexOf(scores, scores.Max()));
        Assert.True(index.Idf("sanction") > index.Idf("kim"));
        Assert.Equal(0, index.Idf("unknown"));
    }

    [Theory]
    [InlineData("What could Pyongyang do in return?", "North Korea")]
    [InlineData("Could the Trump administration lift sanctions?", "United States")]
    [InlineData("How does the Kim regime feel about the drills?", null)]
    [InlineData("What does the Kim regime vociferously object to?", null)]
    [InlineData("What does Washington think of the deadline?", null)]
    [InlineData("Why is the deadline meaningless?", null)]
    [InlineData("If Kim won't disarm, why bother negotiating at all?", null)]
    [InlineData("Given that Pyongyang will not disarm, what could Washington offer?", "United States")]
    [InlineData("Are talks with Pyongyang expected to resume?", null)] // the side talked with, not the one moving
    [InlineData("What would make America's engagement drag on?", null)] // a verb before the name makes it an object
    [InlineData("Washington offers what, exactly?", "United States")]
    [InlineData("What is Kim afraid of?", null)] // a state of mind is a view, not a move
    [InlineData("What is Kim Jong-un's main aim?", null)] // his aim is what is asked about
    [InlineData("what is kim jong un's main aim", null)] // the same in lower case: the longest name decides
    [InlineData("What is Kim's offer?", null)] // after a possessive, "offer" is a noun
    [InlineData("What does Pyongyang want before the year is over?", null)] // its aim, not its move
    [InlineData("What could Kim's regime offer?", "North Korea")] // after a modal, his regime is him acting
    [InlineData("Are the goals smaller than Washington would like?", null)] // the yardstick of a comparison
    public void The_acting_side_is_the_one_asked_to_move_not_one_asked_about_its_views(string question, string? actor)
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

        Assert.Equal(actor, QuestionAnalysis.Analyze(question, index).Actor);
    }

    [Theory]
    [InlineData("Does the op-ed welcome the new round of talks or oppose it?", true)]
    [InlineData("does she think the new round of talks is good news", true)]
    [InlineData("What's the writer's take on sanctions?", true)]
    [InlineData("What does the author think about the deadline?", true)]
    [InlineData("When could the new talks open?", false)]
    [InlineData("is kristian against more low-level talks or nah", true)]
    [InlineData("If Kim disarms, does he think he would be safe?", false)]
    [InlineData("Does Bonnie Kristian think the deadline matters?", true)]
    [InlineData("What did state media warn?", false)]
    [InlineData("Does the article mention Kushner?", false)]
    public void A_question_about_the_author_s_own_view_is_told_from_one_about_what_the_article_reports(string question, bool asksView)
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

        Assert.Equal(asksView, QuestionAnalysis.Analyze(question, index).AsksAuthorsView);
    }

    [Theory]
    [InlineData("Does Kim want sanctions relief?", false)] // "Kim" is the article's subject, not its author Duyeon Kim
    [InlineData("Does Duyeon Kim think sanctions should go?", true)]
    [InlineData("is duyeon against the talks", true)]
    public void An_author_s_name_that_also_names_the_subject_is_not_taken_for_the_author(string question, bool asksView)
    {
        const string markdown = "---\ntitle: T\nauthor: Duyeon Kim\noutlet: O\n---\n\nKim wants relief from sanctions.\n\nDuyeon Kim is a fellow.\n";
        const string positions = "positions: []\nactors:\n  North Korea: [Pyongyang, Kim]\n";
        var index = new ArticleIndex(ArticleParser.Parse("kim", markdown, positions), PolicyLexicon.Default);

        Assert.Equal(asksView, QuestionAnalysis.Analyze(question, index).AsksAuthorsView);
    }

    [Theory]
    [InlineData("is the article saying talks could slip into december?", "december", true)]
    [InlineData("what does kim want from the talks", "kim", true)]
    [InlineData("what time is it", "time", false)] // "Time" is only part of "Time Magazine"
    [InlineData("what do I think the US should tell kim", "kim", true)] // "I" and "US" are capitalised by everyone
    [InlineData("What does Jong Un want?", "jong un", true)] // a part the article hyphenates, in a longer name
    [InlineData("Is the Talks Deadline real in december?", "december", false)] // cased elsewhere: lower case means a word
    [InlineData("what do saddam and gaddafi have to do with this", "gaddafi", true)] // the article spells it "Gadhafi"
    [InlineData("what does kim think of gadgets", "gadgets", false)] // near no name of the article
    [InlineData("whats jared kushners role", "jared", true)] // part of a two-word name the article uses, typed whole
    [InlineData("is time magazine mentioned", "time", true)]
    [InlineData("what did jared say", "jared", false)] // alone, the article never uses it
    [InlineData("what did kushnr say about kim", "kushnr", true)] // a surname of a longer name, misspelt
    public void In_a_question_without_capitals_a_lower_case_word_may_name_what_the_article_names(string question, string word, bool known)
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

        Assert.Equal(known, QuestionAnalysis.Analyze(question, index).Units.Single(u => u.Surface == word).Known);
    }

    [Theory]
    [InlineData("Why doesn't the author take Pyongyang's year-end ultimatum seriously?", "deadlin")] // "ultimatum" is only in an alias
    [InlineData("Is the threat real?", "warn")] // "threat" is only in an alias; the text says "warned"
    public void A_word_only_the_positions_use_also_searches_the_text_s_own_word(string question, string textTerm)
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

        Assert.Contains(textTerm, QuestionAnalysis.Analyze(question, index).QueryTerms);
    }

    [Fact]
    public void A_stop_word_that_stems_like_a_lexicon_word_matches_no_phrase()
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

        // "these" and "thesis" share a stem; "these negotiations" asks nothing about the piece's points.
        Assert.DoesNotContain(index.PhraseMatches(TextAnalyzer.Tokens("What is Kim trying to get out of these negotiations?").ToList()), m => m.Phrase.Text == "thesis");
        Assert.DoesNotContain("point", QuestionAnalysis.Analyze("What is Kim trying to get out of these negotiations?", index).QueryTerms);
    }

    [Theory]
    [InlineData("what does she say about irans nuclear program", "irans", true)] // possessive typed without the apostrophe
    [InlineData("what does the author think of bidens nk policy", "bidens", true)]
    [InlineData("is russia helping nk", "russia", true)]
    [InlineData("what are the sanctions on iran", "sanctions", false)]
    public void A_well_known_name_typed_in_lower_case_is_a_name(string question, string word, bool isName)
    {
        var index = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

        Assert.Equal(isName, QuestionAnalysis.Analyze(question, index).Units.Single(u => u.Surface == word).IsName);
    }

    [Fact]
    public void The_article_s_two_word_names_stop_at_punctuation_possessives_and_everyday_sentence_openers()
    {
        var names = new ArticleIndex(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default).MultiWordNames.Select(p => p.Text).ToArray();

        Assert.Contains("jared kushner", names);
        Assert.Contains("bonnie kristian", names); // opens a sentence, but the article never writes "bonnie" in lower case
        Assert.Contains("saddam hussein", names);
        Assert.DoesNotContain("iraq saddam hussein", names); // "Iraq’s Saddam Hussein"
        Assert.DoesNotContain(names, n => n.StartsWith("demanding", StringComparison.Ordinal)); // "Demanding North Korea..."
        Assert.DoesNotContain(names, n => n.Contains("states north", StringComparison.Ordinal)); // "U.S.-North Korea"
    }
}
