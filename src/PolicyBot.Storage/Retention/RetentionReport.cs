namespace PolicyBot.Storage.Retention;

/// <summary>
/// What one pruning pass did: rows deleted per table (answers count their votes in; polls their options and ballots),
/// and open-ended polls closed so that a later pass can delete them.
/// </summary>
public sealed record RetentionReport(int DeliveryIds, int VoteDeliveries, int Answers, int ClosedPolls, int OpenEndedPollsClosed)
{
    public int Total => DeliveryIds + VoteDeliveries + Answers + ClosedPolls + OpenEndedPollsClosed;
}
