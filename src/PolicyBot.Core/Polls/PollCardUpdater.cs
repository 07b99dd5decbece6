using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;

namespace PolicyBot.Core.Polls;

/// <summary>
/// Keeps posted poll cards current: edits go through the one <see cref="MessageEditCoalescer"/>, so a poll's card is
/// edited at most once per <see cref="PollOptions.CardUpdateInterval"/>, however fast votes arrive. Each edit reads the
/// poll and its tally afresh (another instance may have closed it), so the last edit always shows the final state.
/// </summary>
public sealed partial class PollCardUpdater(
    IPollStore store,
    ChatPlatformRegistry platforms,
    TimeProvider clock,
    IOptions<PollOptions> pollOptions,
    CommandSyntax syntax,
    ILogger<PollCardUpdater> logger) : IDisposable
{
    private readonly MessageEditCoalescer _edits = new(clock, pollOptions.Value.CardUpdateInterval);

    /// <summary>Asks for the card of <paramref name="pollId"/> to be redrawn soon.</summary>
    /// <param name="knownCard">Where the card is, when the caller knows (a button click's source message); used if the store does not know yet.</param>
    public void RequestUpdate(long pollId, MessageRef? knownCard = null) =>
        _ = _edits.EditAsync(PollCard.TrackingKey(pollId), knownCard, (card, _) => RedrawAsync(pollId, card), CancellationToken.None);

    /// <summary>Completes when no edit is running (tests and shutdown).</summary>
    public Task WhenIdleAsync() => _edits.WhenIdleAsync();

    public void Dispose() => _edits.Dispose();

    private async Task RedrawAsync(long pollId, MessageRef? knownCard)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the card of poll {PollId}")]
    private partial void LogEditFailed(Exception exception, long pollId);
}
