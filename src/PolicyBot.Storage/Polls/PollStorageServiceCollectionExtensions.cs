using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Polls;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Storage.Polls;

public static class PollStorageServiceCollectionExtensions
{
    /// <summary>The SQL poll store and its group-committing vote writer (one per process; disposed, and drained, at shutdown).</summary>
    public static IServiceCollection AddPollStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new VoteWriter(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<ILogger<VoteWriter>>()));
        services.TryAddSingleton<SqlPollStore>();
        services.TryAddSingleton<IPollStore>(sp => sp.GetRequiredService<SqlPollStore>());
        return services;
    }
}
