namespace PolicyBot.Storage.Retention;

/// <summary>What one pruning pass deleted: rows per table (answers count their votes in; polls their options and ballots).</summary>
public sealed record RetentionReport(int DeliveryIds, int VoteDeliveries, int Answers, int ClosedPolls)
{
    public int Total => DeliveryIds + VoteDeliveries + Answers + ClosedPolls;
}
