using Microsoft.Extensions.Configuration;
using PolicyBot.Cli;
using PolicyBot.Tests.Shared;

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
    public void Articles_given_on_the_command_line_win()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:ArticlesPath"] = "configured" }).Build();

        Assert.Equal("mine", CliKnowledgeOptions.From(configuration, "mine").ArticlesPath);
    }

    [Fact]
    public void Environment_variables_reach_the_ask_commands_as_they_reach_the_bot()
    {
        // A cache folder only this test names: other tests running meanwhile would merely cache there.
        using var folder = new ScratchFolder();
        const string Variable = "POLICYBOT_Knowledge__EmbeddingCachePath";
        var before = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, folder.Path);
        try
        {
            Assert.Equal(folder.Path, CliKnowledgeOptions.Load(articlesPath: null).Knowledge.EmbeddingCachePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, before);
        }
    }

    [Fact]
    public void The_ask_commands_use_the_default_article_the_bot_uses()
    {
        using var folder = new ScratchFolder();
        foreach (var slug in new[] { "first", "second" })
        {
            File.WriteAllText(Path.Combine(folder.Path, slug + ".md"), $"---\ntitle: {slug}\nauthor: A. Writer\noutlet: The Paper\n---\n\nA paragraph about {slug}.\n");
        }

        var options = new Core.Knowledge.KnowledgeOptions { ArticlesPath = folder.Path, DefaultArticle = "second" };

        Assert.Equal("second", CliArticles.From(options, new Core.Knowledge.Answering.AnsweringOptions()).Library.Default?.Slug);
        Assert.Null(CliArticles.From(new Core.Knowledge.KnowledgeOptions { ArticlesPath = folder.Path }, new Core.Knowledge.Answering.AnsweringOptions()).Library.Default);
    }
}
