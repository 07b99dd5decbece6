namespace PolicyBot.Slack;

/// <summary>What to acknowledge a Slack request with: an empty 200, or a JSON body (an inline answer, a challenge).</summary>
public readonly record struct SlackAck(byte[]? JsonBody)
{
    public static SlackAck Empty => default;
}
