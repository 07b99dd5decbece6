using PolicyBot.Core.Knowledge;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// The <c>Knowledge</c> options and those under it (<c>FollowUps</c>, <c>Answering</c> with its <c>LabelledQuestions</c>,
/// <c>Generation</c>) as the host binds and checks them at start-up.
/// </summary>
public sealed class KnowledgeOptionsTests
{
    [Theory]
    [InlineData("Knowledge:MaxQuestionLength", "49", "Knowledge:MaxQuestionLength must be between 50 and 4000")]
    [InlineData("Knowledge:ReloadInterval", "01:00:01", "Knowledge:ReloadInterval must be between 00:00:00 (never after start-up) and 01:00:00")]
    [InlineData("Knowledge:FollowUps:ExchangesPerConversation", "21", "Knowledge:FollowUps:ExchangesPerConversation must be between 1 and 20")]
    [InlineData("Knowledge:Answering:DeclineBelow", "1.5", "Knowledge:Answering:DeclineBelow must be between 0 and 1")]
    [InlineData("Knowledge:Answering:LabelledQuestions:CopySimilarity", "0.4", "Knowledge:Answering:LabelledQuestions:CopySimilarity must be between 0.5 and 1")]
    [InlineData("Knowledge:Generation:MaxParagraphs", "11", "Knowledge:Generation:MaxParagraphs must be between 1 and 10")]
    public void A_setting_out_of_range_stops_the_start_with_the_key_and_range_named(string key, string value, string expected) =>
        Assert.Contains(expected, StartUpValidation.ErrorFor(services => services.AddKnowledge(), key, value).Message, StringComparison.Ordinal);

    [Fact]
    public void An_empty_articles_path_stops_the_start_with_the_key_named() =>
        Assert.Contains(
            "Knowledge:ArticlesPath is required",
            StartUpValidation.ErrorFor(services => services.AddKnowledge(), "Knowledge:ArticlesPath", "").Message,
            StringComparison.Ordinal);
}
