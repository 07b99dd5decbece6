namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>A safety net so a broken test fails instead of hanging; nothing waits for it to pass.</summary>
public static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Bounded(this Task task) => task.WaitAsync(Limit);

    /// <summary>
    /// Polls a condition the code under test reaches on its own thread (a handshake finishing); fails after
    /// <see cref="Limit"/>. No fake clock drives these, so there is no event to await instead.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true within " + Limit);
            }

            await Task.Delay(5);
        }
    }
}
