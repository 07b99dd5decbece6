namespace PolicyBot.Core.Polls;

/// <summary>Where <see cref="PollService"/> reads a poll from.</summary>
public enum PollRead
{
    /// <summary>
    /// The store, every time: for anything that shows or acts on whether the poll is open (results, export, close).
    /// Another instance, the close job or the retention sweep may have closed it, and only the store knows.
    /// </summary>
    Current,

    /// <summary>
    /// This instance's cache when it holds the poll, so a vote costs no read. Its open state may be stale; that is
    /// safe only for a vote, because the store re-checks it in the ballot's own transaction and refuses a late one.
    /// </summary>
    ForVote,
}
