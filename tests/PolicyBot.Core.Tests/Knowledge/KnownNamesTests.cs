using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// <c>question.known-names</c> counts the names a question shares with the article, case-blind: the corpus's near misses
/// are typed formally, so a count of capitalised names would learn how questions are typed, not what they ask.
/// </summary>
public sealed class KnownNamesTests
{
    private static readonly Article Budget = new(
        "budget", "The Budget", "Ed Itor", "The Ledger", null, [],
        ["The council, led by Mayor Okonkwo, voted on the budget in March.", "Auditors at the GAO said the plan was late."], []);

    [Fact]
    public void The_article_s_names_are_its_words_capitalised_mid_sentence_and_its_acronyms()
    {
        IReadOnlySet<string> names = new ArticleText(Budget).NameTerms;

        Assert.Contains(TextTerm("Okonkwo"), names);
        Assert.Contains(TextTerm("GAO"), names);
        Assert.DoesNotContain(TextTerm("council"), names);
        Assert.DoesNotContain(TextTerm("Auditors"), names); // first word of its sentence
    }

    [Theory]
    [InlineData("What did Okonkwo and the GAO say about the plan?", 2)]
    [InlineData("what did okonkwo and the gao say about the plan", 2)]
    [InlineData("what did okonkow say", 1)] // repaired to the article's spelling first
    [InlineData("What did the council vote on?", 0)]
    [InlineData("What did Smith say?", 0)] // a name the article never uses is another feature's business
    public async Task Questions_count_the_article_s_names_whatever_their_case(string question, int expected)
    {
        var reader = new QuestionReader(TestArticles.Indexes());

        var evidence = await reader.ExamineAsync(question, Budget, CancellationToken.None);

        Assert.Equal(expected, evidence.KnownNames);
    }

    private static string TextTerm(string word) => PolicyBot.Core.Knowledge.Text.TextAnalyzer.Terms(word).Single();
}
