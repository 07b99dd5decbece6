using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Text;

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
    public void Analyzer_drops_stop_words_and_possessives_but_keeps_acronyms()
    {
        Assert.Equal(["smith", "nuclear", "arsenal"], TextAnalyzer.Terms("Is Smith's nuclear arsenal the"));
        Assert.Equal(["us", Stemmer.Stem("economy")], TextAnalyzer.Terms("the U.S. economy"));
        Assert.Equal(TextAnalyzer.Terms("the US economy"), TextAnalyzer.Terms("the U.S. economy"));
        Assert.Equal(["give", Stemmer.Stem("economy")], TextAnalyzer.Terms("give us the economy")); // the pronoun is a stop word
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
    public void A_month_abbreviation_before_a_date_does_not_end_a_sentence() =>
        Assert.Equal(["On Nov. 3, voters decide.", "Results follow."], SentenceSplitter.Split("On Nov. 3, voters decide. Results follow."));

    [Fact]
    public void Bm25_prefers_the_document_with_the_rarer_matching_term()
    {
        var index = new Bm25Index([["kim", "deadline"], ["kim", "talk"], ["kim", "sanction", "lift"]]);

        var scores = index.Score(["kim", "sanction"]);

        Assert.Equal(2, Array.IndexOf(scores, scores.Max()));
        Assert.True(index.Idf("sanction") > index.Idf("kim"));
        Assert.Equal(0, index.Idf("unknown"));
    }
}
