using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Knowledge.Commands;
using PolicyBot.Core.Knowledge.Retrieval;

namespace PolicyBot.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Articles, the hybrid answerer, its start-up warm-up and the commands ask, positions, quote, articles, rate and
    /// feedback (configuration section <c>Knowledge</c>). The commands need an <see cref="Feedback.IAnswerFeedbackStore"/>
    /// (PolicyBot.Storage registers one).
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return ArticleLibrary.Load(options.ResolveArticlesPath(), options.DefaultArticle);
        });
        services.TryAddSingleton<ITextEmbedder>(sp => new MiniLmEmbedder(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.InferenceThreads));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return EmbeddingCache.ForArticles(options.ResolveArticlesPath(), options.EmbeddingCachePath);
        });
        services.TryAddSingleton(sp => new HybridAnswerer(
            sp.GetRequiredService<ArticleLibrary>(),
            sp.GetRequiredService<ITextEmbedder>(),
            sp.GetRequiredService<EmbeddingCache>(),
            sp.GetRequiredService<ILogger<HybridAnswerer>>()));
        services.TryAddSingleton<IAnswerer>(sp => sp.GetRequiredService<HybridAnswerer>());
        services.AddHostedService<KnowledgeWarmup>();

        services.AddCommand<AskCommand>();
        services.AddCommand<PositionsCommand>();
        services.AddCommand<QuoteCommand>();
        services.AddCommand<ArticlesCommand>();
        services.AddCommand<RateCommand>();
        services.AddCommand<FeedbackCommand>();
        return services;
    }
}
