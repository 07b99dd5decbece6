namespace PolicyBot.Core.Polls;

/// <summary>Fixed limits; they keep a card inside every platform's button and text limits (Discord: 25 buttons, 80-character labels).</summary>
public static class PollLimits
{
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxOptionLength = 80;
    public const int MaxQuestionLength = 300;

    /// <summary>The farthest a <c>--closes</c> time may lie ahead.</summary>
    public static readonly TimeSpan MaxOpenDuration = TimeSpan.FromDays(366);

    /// <summary>The nearest one; anything shorter is almost certainly a typo.</summary>
    public static readonly TimeSpan MinOpenDuration = TimeSpan.FromMinutes(1);
}
