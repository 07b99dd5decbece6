using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PolicyBot.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The due-job dispatcher (a hosted service) and its options (section <c>Scheduling</c>). The <see cref="IDueJobStore"/>
    /// comes from storage (<c>AddPolicyBotStorage</c>); features add <see cref="IDueJobHandler"/>s.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DueJobDispatcher)))
        {
            return services; // one dispatcher per process, however many features ask for scheduling
        }

        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Chat.ChatPlatformRegistry>();
        services.TryAddSingleton<ScheduledPoster>();
        services.TryAddSingleton<DueJobDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DueJobDispatcher>());
        return services;
    }
}
