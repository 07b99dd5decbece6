using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Footprint;
using PolicyBot.Core.Knowledge.Answering;
using PolicyBot.Core.Knowledge.Commands;
using PolicyBot.Core.Knowledge.Conversations;
using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Core.Knowledge.Generation;

namespace PolicyBot.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Articles (followed while the bot runs), the answering pipeline, its start-up warm-up and the commands ask,
    /// positions, quote, articles, rate and feedback (configuration sections <c>Knowledge</c> and
    /// <c>Knowledge:Answering</c>, <c>Knowledge:FollowUps</c>). With an <see cref="Microsoft.Extensions.AI.IChatClient"/>
    /// and <see cref="AnswerWriter"/> registered (<c>Knowledge:Generation</c>, by the host) answers are phrased by a
    /// language model. The commands need an <see cref="Feedback.IAnswerFeedbackStore"/> (PolicyBot.Storage
    /// registers one).
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnsweringOptions>, LabelledQuestionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArticleCatalog>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleCatalog>());
        services.TryAddSingleton<IArticleSource>(sp => new CatalogSource(sp.GetRequiredService<ArticleCatalog>()));
        services.TryAddSingleton(sp => new QuietMemoryRelease(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => Encoders.Production(
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.InferenceThreads,
            AnswerModels.Shipped.UsesRetrievalModel,
            sp.GetRequiredService<QuietMemoryRelease>().WorkDone,
            sp.GetRequiredService<AnswerModels>().Tuning));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return EmbeddingCache.ForArticles(options.ResolveArticlesPath(), options.EmbeddingCachePath);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.TryAddSingleton<ArticleIndexes>();
        services.TryAddSingleton(_ => AnswerModels.Shipped);
        services.TryAddSingleton(sp => new AnswerPipeline(
            sp.GetRequiredService<IArticleSource>(),
            sp.GetRequiredService<ArticleIndexes>(),
            sp.GetRequiredService<AnswerModels>(),
            sp.GetRequiredService<AnsweringOptions>()));
        services.TryAddSingleton<IAnswerer>(sp => sp.GetRequiredService<AnswerPipeline>());
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ConversationMemory>();
        services.AddSingleton<Chat.IPostedMessageSink>(sp => sp.GetRequiredService<ConversationMemory>());
        services.TryAddSingleton<GenerationQuota>();
        services.TryAddSingleton(sp => new ConversationalAnswerer(
            sp.GetRequiredService<IAnswerer>(),
            sp.GetRequiredService<IArticleSource>(),
            sp.GetRequiredService<ConversationMemory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<AnswerWriter>()));
        services.AddHostedService<KnowledgeWarmup>();

        services.AddCommand<AskCommand>();
        services.AddCommand<PositionsCommand>();
        services.AddCommand<QuoteCommand>();
        services.AddCommand<ArticlesCommand>();
        services.AddCommand<RateCommand>();
        services.AddCommand<FeedbackCommand>();
        return services;
    }

    private sealed class CatalogSource(ArticleCatalog catalog) : IArticleSource
    {
        public ArticleLibrary Current => catalog.Current;
    }
}
