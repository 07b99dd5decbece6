namespace PolicyBot.Storage.Retention;

/// <summary>
/// What one pruning pass did: rows deleted per table (answers count their votes in; polls their options and ballots),
/// and polls closed that nothing else would close (no closing time, or overdue with no close job) so that a later pass
/// can delete them.
/// </summary>
public sealed record RetentionReport(int DeliveryIds, int VoteDeliveries, int Answers, int ClosedPolls, int StrandedPollsClosed)
{
    public int Total => DeliveryIds + VoteDeliveries + Answers + ClosedPolls + StrandedPollsClosed;
}
