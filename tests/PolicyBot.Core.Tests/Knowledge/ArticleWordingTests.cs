using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Tests.Knowledge;

public sealed class ArticleWordingTests
{
    private static readonly ArticleIndex Seed = new(TestArticles.SeedLibrary().Articles[0], PolicyLexicon.Default);

    [Theory]
    [InlineData("Is the bromance a sideshow?", "Is the relationship a distraction?")]
    [InlineData("would NK scrap the drills?", "would North Korea cancel the drills?")]
    [InlineData("Is Rocket Man going to give up his nukes?", "Is Kim going to give up his nukes?")]
    [InlineData("Will Little Rocket Man blink?", "Will Kim blink?")]
    [InlineData("What does NK's leader want?", "What does North Korea's leader want?")]
    public void Words_the_article_never_uses_become_the_ones_it_does(string question, string rewritten) =>
        Assert.Equal(rewritten, ArticleWording.Apply(question, Seed));

    [Theory]
    [InlineData("Should sanctions be lifted?")]
    [InlineData("Should the war games be called off?")] // the positions file names them so: the article "uses" them
    [InlineData("How do I cook rice?")]
    public void A_question_already_in_the_article_s_words_or_off_topic_is_unchanged(string question) =>
        Assert.Equal(question, ArticleWording.Apply(question, Seed));
}
