using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Reminders.Commands;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Deadlines (section <c>Reminders</c>, validated at start), the reminder commands (deadline, remind, reminders, cancel,
    /// timezone), the two due-job handlers and the start-up scheduling of deadline posts. Also registers
    /// <see cref="SchedulingServiceCollectionExtensions.AddScheduling"/>. The stores come from storage (<c>AddPolicyBotStorage</c>).
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddScheduling();
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Chat.ChatPlatformRegistry>();
        services.TryAddSingleton<DeadlineCatalog>();
        services.TryAddSingleton<ReminderService>();
        services.AddSingleton<IDueJobHandler, ReminderFireHandler>();
        services.AddSingleton<IDueJobHandler, DeadlinePostHandler>();
        services.AddHostedService<DeadlineScheduler>();
        services.AddCommand<DeadlineCommand>();
        services.AddCommand<RemindCommand>();
        services.AddCommand<RemindersCommand>();
        services.AddCommand<CancelReminderCommand>();
        services.AddCommand<TimezoneCommand>();
        return services;
    }
}
