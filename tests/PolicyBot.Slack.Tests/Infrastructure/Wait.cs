namespace PolicyBot.Slack.Tests.Infrastructure;

/// <summary>A safety net so a broken test fails instead of hanging; nothing waits for it to pass.</summary>
public static class Wait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Bounded(this Task task) => task.WaitAsync(Limit);
}
