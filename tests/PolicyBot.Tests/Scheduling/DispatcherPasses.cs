using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Tests.Scheduling;

/// <summary>
/// The host's due-job dispatcher going to sleep after each pass, watched from before the host starts. Before asserting
/// that nothing came due, a test waits for it to be asleep, moves the clock, then waits for it to be asleep after a pass
/// begun at the new time: only then has every job due by that time run. (Moved while a pass still ran, the clock might
/// go unseen until it is moved again.)
/// </summary>
internal sealed class DispatcherPasses
{
    private readonly Channel<DateTimeOffset> _idle = Channel.CreateUnbounded<DateTimeOffset>();

    public DispatcherPasses(IHost host) =>
        host.Services.GetRequiredService<DueJobDispatcher>().Idle += passStartedAt => _idle.Writer.TryWrite(passStartedAt);

    /// <summary>Until the dispatcher is asleep after a pass that began at <paramref name="time"/> or later.</summary>
    public async Task AsleepAfterPassFromAsync(DateTimeOffset time)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _idle.Reader.ReadAsync(bound.Token) < time)
        {
        }
    }
}
