using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Reminders;

/// <summary>
/// At start-up, writes every deadline post still ahead as a due job, insert-if-absent: a restart or a second instance
/// finds the same keys and adds nothing, and never resets a job another instance is running. Past occurrences are
/// not written again (their jobs, if still pending from before a shutdown, are handled by the catch-up rule).
/// Retries quietly while storage is not ready yet.
/// </summary>
public sealed partial class DeadlineScheduler(
    DeadlineCatalog deadlines,
    IDueJobStore jobs,
    TimeProvider clock,
    ILogger<DeadlineScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Schedules what is missing; returns how many jobs were created.</summary>
    public async Task<int> MaterializeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var post in deadlines.Deadlines.SelectMany(d => DeadlinePost.Upcoming(d, now)))
        {
            if (await jobs.ScheduleIfAbsentAsync(ReminderJobs.DeadlinePostKind, post.Key, post.ToPayload(), post.At, cancellationToken).ConfigureAwait(false))
            {
                created++;
            }
        }

        return created;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var created = await MaterializeAsync(stoppingToken).ConfigureAwait(false);
                LogMaterialized(deadlines.Deadlines.Count, created);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, RetryDelay);
            }

            try
            {
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{DeadlineCount} deadlines: {Created} new countdown posts scheduled")]
    private partial void LogMaterialized(int deadlineCount, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule deadline posts yet; retrying in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);
}
