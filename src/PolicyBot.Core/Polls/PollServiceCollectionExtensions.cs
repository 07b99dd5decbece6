using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Polls.Commands;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Polls;

public static class PollServiceCollectionExtensions
{
    /// <summary>
    /// Polls: the commands (poll, vote, unvote, results, close, polls, export), the card updater, the posted-card sink and
    /// the <c>poll.close</c> due-job handler. Needs <see cref="IPollStore"/> and <see cref="IDueJobStore"/> from storage
    /// and <c>AddCommandCore()</c>. Options: section <c>Polls</c>.
    /// </summary>
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddOptions<PollOptions>().BindConfiguration(PollOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PollOptions>, PollOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatPlatformRegistry>();
        services.TryAddSingleton<PollCardUpdater>();
        services.TryAddSingleton<PollService>();
        services.TryAddSingleton<ScheduledPoster>();
        services.AddSingleton<IPostedMessageSink, PollCardMessageSink>();
        services.AddSingleton<IDueJobHandler, PollCloseJobHandler>();
        services.AddCommand<PollCommand>();
        services.AddCommand<VoteCommand>();
        services.AddCommand<UnvoteCommand>();
        services.AddCommand<ResultsCommand>();
        services.AddCommand<ClosePollCommand>();
        services.AddCommand<PollsCommand>();
        services.AddCommand<ExportPollCommand>();
        return services;
    }
}
