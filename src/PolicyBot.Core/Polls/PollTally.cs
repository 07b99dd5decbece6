using System.Collections.Immutable;

namespace PolicyBot.Core.Polls;

/// <summary>Counts per option (index 0 = option 1) and the number of people with a ballot.</summary>
public sealed record PollTally(ImmutableArray<int> Counts, int Voters)
{
    public static PollTally Empty(int optionCount) => new(ImmutableArray.Create(new int[optionCount]), 0);

    public int TotalChoices => Counts.Sum();
}
