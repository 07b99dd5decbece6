using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PolicyBot.Slack.WebApi;

/// <summary>
/// Slack takes about one message per second per channel. Sends to one channel run one at a time, in the order they
/// were queued, spaced by <see cref="SlackOptions.ChannelMessageInterval"/>; channels do not wait on each other.
/// </summary>
public sealed class ChannelSendQueue(IOptions<SlackOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval = options.Value.ChannelMessageInterval;

    public async Task<T> RunAsync<T>(string channel, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(channel, _ => new Lane());
        var turnDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (lane)
        {
            previous = lane.Tail;
            lane.Tail = turnDone.Task;
        }

        try
        {
            // Not cancellable on purpose: leaving the line early would let a later message overtake an earlier one.
            await previous.ConfigureAwait(false);
            var wait = lane.NextAllowed - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await send(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lane.NextAllowed = clock.GetUtcNow() + _interval;
            }
        }
        finally
        {
            turnDone.SetResult();
        }
    }

    private sealed class Lane
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }
}
