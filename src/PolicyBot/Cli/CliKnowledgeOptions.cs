using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PolicyBot.Core.Knowledge;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Hosting;

namespace PolicyBot.Cli;

/// <summary>
/// The <c>Knowledge</c> settings for <c>ask</c>, <c>ask-eval</c> and <c>embed-articles</c>, read through the same
/// layers as the bot (<see cref="BotConfiguration"/>: appsettings, <c>POLICYBOT_Knowledge__...</c> variables), so the
/// embedding cache, inference threads and question length limit the bot uses apply here too. <c>--articles</c>, when
/// given, wins.
/// </summary>
public static class CliKnowledgeOptions
{
    public static (KnowledgeOptions Knowledge, AnsweringOptions Answering) Load(string? articlesPath)
    {
        var configuration = Configuration();
        var answering = configuration.GetSection(AnsweringOptions.SectionName).Get<AnsweringOptions>() ?? new AnsweringOptions();
        return (From(configuration, articlesPath), answering);
    }

    /// <summary>The <c>Knowledge:Generation</c> settings, through the same layers (the API key from the environment).</summary>
    public static PolicyBot.Core.Knowledge.Generation.GenerationOptions LoadGeneration() =>
        Configuration().GetSection(PolicyBot.Core.Knowledge.Generation.GenerationOptions.SectionName).Get<PolicyBot.Core.Knowledge.Generation.GenerationOptions>()
        ?? new PolicyBot.Core.Knowledge.Generation.GenerationOptions();

    private static ConfigurationManager Configuration()
    {
        var configuration = new ConfigurationManager();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        BotConfiguration.Apply(configuration, environment, []);
        return configuration;
    }

    internal static KnowledgeOptions From(IConfiguration configuration, string? articlesPath)
    {
        var options = configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        if (!string.IsNullOrWhiteSpace(articlesPath))
        {
            options.ArticlesPath = articlesPath;
        }

        return options;
    }
}
