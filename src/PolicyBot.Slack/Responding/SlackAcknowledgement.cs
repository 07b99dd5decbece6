namespace PolicyBot.Slack.Responding;

/// <summary>
/// The acknowledgement of one Slack request, given once by whichever comes first: the answer in time, the deferral at
/// the inline budget, or the end of a run that had nothing to say (a repeated delivery).
/// </summary>
public sealed class SlackAcknowledgement
{
    private readonly TaskCompletionSource<SlackAck> _given = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Give(SlackAck ack) => _given.TrySetResult(ack);

    /// <summary>The acknowledgement, once given; an empty one when <paramref name="run"/> ends without giving any.</summary>
    public async Task<SlackAck> WhenGivenAsync(Task run)
    {
        await Task.WhenAny(_given.Task, run).ConfigureAwait(false);
        Give(SlackAck.Empty);
        return await _given.Task.ConfigureAwait(false);
    }
}
