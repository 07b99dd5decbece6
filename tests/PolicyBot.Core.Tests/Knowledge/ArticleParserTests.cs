using PolicyBot.Core.Knowledge;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class ArticleParserTests
{
    private const string Markdown = """
        ---
        title: "A title"
        author: Jane Doe
        outlet: The Paper
        tags: [one, two]
        ---

        First paragraph,
        wrapped over two lines.

        Second paragraph.


        Third paragraph.
        """;

    [Fact]
    public void Paragraph_n_is_the_nth_block_after_the_front_matter()
    {
        var article = ArticleParser.Parse("doc", Markdown, null);

        Assert.Equal(("A title", "Jane Doe", "The Paper"), (article.Title, article.Author, article.Outlet));
        Assert.Equal(["one", "two"], article.Tags.ToArray());
        Assert.Equal(3, article.ParagraphCount);
        Assert.Equal("First paragraph, wrapped over two lines.", article.Paragraph(1));
        Assert.Equal("Third paragraph.", article.Paragraph(3));
        Assert.Empty(article.Positions);
    }

    [Fact]
    public void The_seed_article_has_ten_paragraphs_and_a_position_for_each()
    {
        var article = TestArticles.SeedLibrary().Articles.Single();

        Assert.Equal(10, article.ParagraphCount);
        Assert.StartsWith("Bonnie Kristian is a fellow", article.Paragraph(10), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 10), article.Positions.SelectMany(p => p.Paragraphs).Distinct().Order());
        Assert.Contains(article.Positions, p => p.Id == "upper-hand" && p.Paragraphs[0] == 8);
        Assert.All(article.Positions, p => Assert.DoesNotContain(p.Summary, article.Paragraphs)); // summaries are our own words
        Assert.NotEmpty(article.LabelledQuestions);
    }

    [Theory]
    [InlineData("positions:\n  - id: a\n    title: T\n    paragraphs: [4]\n    summary: S\n", "paragraph 4 does not exist")]
    [InlineData("positions:\n  - id: a\n    title: T\n    paragraphs: []\n    summary: S\n", "at least one paragraph")]
    [InlineData("positions:\n  - id: a\n    title: T\n    paragraphs: [1]\n", "'summary' is missing")]
    [InlineData("positions:\n  - id: a\n    title: T\n    paragraphs: [1]\n    summary: S\n  - id: a\n    title: U\n    paragraphs: [2]\n    summary: S\n", "used twice")]
    [InlineData("positions: [", "not valid YAML")]
    [InlineData("positions:\n  - id: first\n    title: T\n    paragraphs: [1]\n    summary: S\n  - id: second\n    title: T\n    paragraphs: [9]\n    summary: S\n", "line 6, position 'second'")]
    public void A_bad_positions_file_is_reported_with_what_to_fix(string yaml, string expected)
    {
        var error = Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("doc", Markdown, yaml, "doc.md"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("doc.md", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No front matter here.", "front matter")]
    [InlineData("---\ntitle: T\nauthor: A\noutlet: O\n", "not closed")]
    [InlineData("---\nauthor: A\noutlet: O\n---\nText.", "'title' is missing")]
    [InlineData("---\ntitle: T\nauthor: A\noutlet: O\n---\n\n", "no paragraphs")]
    public void A_bad_article_is_reported(string markdown, string expected)
    {
        var error = Assert.Throws<ArticleFormatException>(() => ArticleParser.Parse("doc", markdown, null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_article_that_is_not_loaded_falls_back_to_the_only_one()
    {
        var library = ArticleLibrary.Load(TestArticles.ArticlesFolder, "missing");

        Assert.Same(library.Articles[0], library.Default);
    }
}
