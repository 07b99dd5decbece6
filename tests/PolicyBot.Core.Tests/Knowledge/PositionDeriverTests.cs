using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Embedding;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>Positions derived from an article nobody curated: a claim per paragraph and who holds it.</summary>
public sealed class PositionDeriverTests
{
    private const string Markdown = """
        ---
        title: A test
        author: Jane Doe
        outlet: The Gazette
        ---

        The council should fund bike lanes now.

        Economist Maria McLopez found that lanes raised shop sales. She also noted that injuries fell.

        Critics say the lanes cost too much.

        According to the transport department, the program is on budget.

        Mr. Park, the mayor, disagreed. “It is a waste,” he said.
        """;

    [Fact]
    public void Each_paragraph_gets_a_position_held_by_the_author_or_by_whom_it_reports()
    {
        var positions = Derive(Markdown);

        Assert.Equal(["Jane Doe", "Maria McLopez", "critics", "the transport department", "Mr. Park"], positions.Select(p => p.Holder));
        Assert.All(positions, p => Assert.True(p.Derived));
        Assert.Equal([[1], [2], [3], [4], [5]], positions.Select(p => p.Paragraphs.ToArray()));
        Assert.Equal("Jane Doe’s view (¶1).", positions[0].Summary);
        Assert.Equal("What critics say, as the article reports it (¶3).", positions[2].Summary);
        Assert.Equal("What Maria McLopez says, as the article reports it (¶2).", positions[1].Summary);
    }

    [Theory]
    [InlineData("Don’t think the council can fix this alone.", "Jane Doe")]
    [InlineData("We believe the lanes will pay for themselves.", "Jane Doe")]
    [InlineData("On Monday said the council it would vote again.", "Jane Doe")]
    [InlineData("Okonkwo said the lanes were a mistake.", "Okonkwo")]
    [InlineData("Critics say the lanes cost too much.", "critics")]
    [InlineData("Transport Secretary Maria Lopez Ruiz has said the lanes are safe.", "Maria Lopez Ruiz")]
    [InlineData("Sen. Ada Brightwater argued the lanes were too narrow.", "Sen. Ada Brightwater")]
    [InlineData("According to Mr. Diaz’s office, the lanes are on budget.", "Mr. Diaz")]
    [InlineData("According to former Gov. Lena Hart, the lanes are on budget.", "Gov. Lena Hart")]
    public void A_single_word_before_a_reporting_verb_is_a_holder_only_when_it_names_one(string paragraph, string holder)
    {
        var positions = Derive($"""
            ---
            title: A test
            author: Jane Doe
            outlet: The Gazette
            ---

            {paragraph}
            """);

        Assert.Equal(holder, positions.Single().Holder);
    }

    [Fact]
    public void An_editorial_board_speaks_as_the_editors()
    {
        var positions = Derive(Markdown.Replace("author: Jane Doe", "author: The Daily Gazette Editorial Board", StringComparison.Ordinal));

        Assert.Equal("The editors", positions[0].Holder);
    }

    [Fact]
    public void A_claim_is_a_sentence_of_its_paragraph_shortened_to_a_title()
    {
        var long_ = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}")) + ".";
        var positions = Derive(Markdown.Replace("Critics say the lanes cost too much.", long_, StringComparison.Ordinal));

        Assert.All(positions.Select((p, i) => (p, i)).Where(x => x.i != 2), x => Assert.Contains(x.p.Title.TrimEnd('…'), Derive(Markdown)[x.i].Title, StringComparison.Ordinal));
        Assert.EndsWith("word14…", positions[2].Title, StringComparison.Ordinal);
    }

    private static List<Position> Derive(string markdown)
    {
        var text = new ArticleText(ArticleParser.Parse("t", markdown, null));
        var vectors = ArticleVectors.Encode(text, new CountingEmbedder(), withWords: true, EmbeddingCache.None, CancellationToken.None);
        return [.. PositionDeriver.Derive(text, vectors)];
    }
}
