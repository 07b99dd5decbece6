namespace PolicyBot.Core.Polls;

/// <summary>The <c>--multi[=N]</c>, <c>--anonymous</c>, <c>--hidden</c> and <c>--closes &lt;when&gt;</c> flags of <c>poll</c>.</summary>
/// <param name="Multi">Null: single choice. 0: <c>--multi</c> without a number (any number of options). N: at most N.</param>
public sealed record PollFlags(int? Multi, bool Anonymous, bool Hidden, DateTimeOffset? ClosesAt)
{
    public static PollFlags None { get; } = new(null, false, false, null);
}
