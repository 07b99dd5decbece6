using Microsoft.Extensions.Configuration;
using PolicyBot.Cli;

namespace PolicyBot.Tests.Cli;

public sealed class CliKnowledgeOptionsTests
{
    [Fact]
    public void The_ask_commands_read_the_bot_s_knowledge_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:ArticlesPath"] = "elsewhere/articles",
            ["Knowledge:EmbeddingCachePath"] = "/var/cache/policybot",
            ["Knowledge:MaxQuestionLength"] = "300",
        }).Build();

        var options = CliKnowledgeOptions.From(configuration, articlesPath: null);

        Assert.Equal("elsewhere/articles", options.ArticlesPath);
        Assert.Equal("/var/cache/policybot", options.EmbeddingCachePath);
        Assert.Equal(300, options.MaxQuestionLength);
    }

    [Fact]
    public void Articles_given_on_the_command_line_win_and_the_shipped_appsettings_apply_otherwise()
    {
        Assert.Equal("mine", CliKnowledgeOptions.From(new ConfigurationBuilder().Build(), "mine").ArticlesPath);

        var shipped = CliKnowledgeOptions.Load(articlesPath: null);

        Assert.Equal("config/articles", shipped.ArticlesPath);
        Assert.Equal(1000, shipped.MaxQuestionLength);
    }
}
