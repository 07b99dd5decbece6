using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PolicyBot.Core.Commands;
using PolicyBot.Storage.Commands;
using PolicyBot.Storage.Infrastructure;
using PolicyBot.Storage.Polls;
using PolicyBot.Storage.Retention;

namespace PolicyBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The configured database behind every Core port. Register before other hosted services: the initializer
    /// migrates the database before the adapters start taking commands.
    /// </summary>
    public static IServiceCollection AddPolicyBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDbConnectionFactory>(_ => options.Provider == StorageProvider.Postgres
            ? new PostgresConnectionFactory(options.ConnectionString)
            : new SqliteConnectionFactory(options.ConnectionString));
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<SqlDeliveryLog>();
        services.AddSingleton<IDeliveryLog>(sp => sp.GetRequiredService<SqlDeliveryLog>());
        services.AddSchedulingStorage();
        services.AddPollStorage();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionPruner>();
        services.AddSingleton<Core.Knowledge.Feedback.IAnswerFeedbackStore, Knowledge.SqlAnswerFeedbackStore>();
        return services;
    }
}
