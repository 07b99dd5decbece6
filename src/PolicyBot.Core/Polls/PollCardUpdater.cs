using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Keeps posted poll cards current while coalescing edits: the first change after a quiet period edits at once,
/// later changes wait for one timer so a poll's card is edited at most once per <see cref="PollOptions.CardUpdateInterval"/>,
/// however fast votes arrive. Each edit reads the tally afresh, so the last edit always shows the final state.
/// </summary>
public sealed partial class PollCardUpdater(
    IPollStore store,
    ChatPlatformRegistry platforms,
    TimeProvider clock,
    IOptions<PollOptions> pollOptions,
    CommandSyntax syntax,
    ILogger<PollCardUpdater> logger) : IDisposable
{
    private readonly Dictionary<long, CardState> _cards = [];
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private bool _disposed;
    private int _requestsSincePrune;

    private TimeSpan Interval => pollOptions.Value.CardUpdateInterval;

    /// <summary>Asks for the card of <paramref name="pollId"/> to be redrawn soon.</summary>
    /// <param name="knownCard">Where the card is, when the caller knows (a button click's source message); used if the store does not know yet.</param>
    public void RequestUpdate(long pollId, MessageRef? knownCard = null)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            PruneIdleLocked();
            if (!_cards.TryGetValue(pollId, out var card))
            {
                card = new CardState();
                _cards[pollId] = card;
            }

            card.KnownCard = knownCard ?? card.KnownCard;
            if (card.Editing || card.Timer is not null)
            {
                card.Dirty = true;
                return;
            }

            var wait = card.LastEditAt is { } last ? last + Interval - clock.GetUtcNow() : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                card.Timer = clock.CreateTimer(_ => OnTimer(pollId), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }

            StartEditLocked(pollId, card);
        }
    }

    /// <summary>Completes when no edit is running or about to start (tests and shutdown).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task[] running;
            lock (_gate)
            {
                _inFlight.RemoveWhere(t => t.IsCompleted);
                running = [.. _inFlight];
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets cards that are idle and past their interval, so the map does not grow with every poll ever voted on.</summary>
    private void PruneIdleLocked()
    {
        if (++_requestsSincePrune < 1024)
        {
            return;
        }

        _requestsSincePrune = 0;
        var cutoff = clock.GetUtcNow() - Interval;
        foreach (var (pollId, card) in _cards.Where(c => !c.Value.Editing && c.Value.Timer is null && c.Value.LastEditAt < cutoff).ToArray())
        {
            _cards.Remove(pollId);
        }
    }

    private void OnTimer(long pollId)
    {
        lock (_gate)
        {
            if (_disposed || !_cards.TryGetValue(pollId, out var card))
            {
                return;
            }

            card.Timer?.Dispose();
            card.Timer = null;
            StartEditLocked(pollId, card);
        }
    }

    private void StartEditLocked(long pollId, CardState card)
    {
        card.Editing = true;
        card.Dirty = false;
        card.LastEditAt = clock.GetUtcNow();
        var edit = RunEditAsync(pollId, card);
        if (!edit.IsCompleted)
        {
            _inFlight.Add(edit);
        }
    }

    private async Task RunEditAsync(long pollId, CardState card)
    {
        // Yield first so the edit never runs under the caller's lock or on a timer callback.
        await Task.Yield();
        try
        {
            await EditAsync(pollId, card.KnownCard).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.RemoveWhere(t => t.IsCompleted);
                card.Editing = false;
                if (card.Dirty && !_disposed)
                {
                    var wait = card.LastEditAt!.Value + Interval - clock.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        card.Timer = clock.CreateTimer(_ => OnTimer(pollId), null, wait, Timeout.InfiniteTimeSpan);
                    }
                    else
                    {
                        StartEditLocked(pollId, card);
                    }
                }
            }
        }
    }

    private async Task EditAsync(long pollId, MessageRef? knownCard)
    {
        try
        {
            var poll = await store.GetAsync(pollId, CancellationToken.None).ConfigureAwait(false);
            var message = poll?.CardMessage ?? knownCard;
            if (poll is null || message is null || !platforms.TryGet(message.Conversation.Platform, out var platform))
            {
                return;
            }

            var tally = await store.TallyAsync(pollId, poll.Options.Length, CancellationToken.None).ConfigureAwait(false);
            var card = PollCard.Render(poll, tally, clock.GetUtcNow(), syntax.PrefixFor(poll.Conversation.Platform));
            await platform.UpdateAsync(message, card, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A failed edit is cosmetic: the votes are stored and the next change or results shows them.
            LogEditFailed(ex, pollId);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var card in _cards.Values)
            {
                card.Timer?.Dispose();
            }

            _cards.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the card of poll {PollId}")]
    private partial void LogEditFailed(Exception exception, long pollId);

    private sealed class CardState
    {
        public DateTimeOffset? LastEditAt { get; set; }

        public ITimer? Timer { get; set; }

        public bool Editing { get; set; }

        public bool Dirty { get; set; }

        public MessageRef? KnownCard { get; set; }
    }
}
