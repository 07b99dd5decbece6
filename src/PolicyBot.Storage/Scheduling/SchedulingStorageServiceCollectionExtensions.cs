using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Core.Reminders;
using PolicyBot.Core.Scheduling;
using PolicyBot.Storage.Reminders;
using PolicyBot.Storage.Scheduling;

// In the Storage namespace so AddPolicyBotStorage calls it without another using.
namespace PolicyBot.Storage;

public static class SchedulingStorageServiceCollectionExtensions
{
    /// <summary>The due-job store and the reminder stores on the configured database (called by <c>AddPolicyBotStorage</c>).</summary>
    public static IServiceCollection AddSchedulingStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqlDueJobStore>();
        services.TryAddSingleton<IDueJobStore>(sp => sp.GetRequiredService<SqlDueJobStore>());
        services.TryAddSingleton<IReminderStore, SqlReminderStore>();
        services.TryAddSingleton<IUserTimeZoneStore, SqlUserTimeZoneStore>();
        return services;
    }
}
