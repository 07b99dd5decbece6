using Microsoft.Extensions.Time.Testing;
using PolicyBot.Core.Chat;

namespace PolicyBot.Core.Tests.Chat;

public sealed class MessageEditCoalescerTests
{
    [Fact]
    public async Task A_burst_of_edits_costs_two_sends_and_the_newest_content_wins()
    {
        var time = new FakeTimeProvider();
        using var coalescer = new MessageEditCoalescer(time, TimeSpan.FromSeconds(2));
        var sent = new List<int>();
        Task Send(int version, CancellationToken _)
        {
            lock (sent)
            {
                sent.Add(version);
            }

            return Task.CompletedTask;
        }

        var edits = Enumerable.Range(1, 100).Select(v => coalescer.EditAsync("c/m", v, Send, CancellationToken.None)).ToArray();

        Assert.Equal([1], sent);
        Assert.False(edits[^1].IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(edits).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 100], sent);
    }

    [Fact]
    public async Task A_failed_edit_fails_its_waiters()
    {
        using var coalescer = new MessageEditCoalescer(new FakeTimeProvider(), TimeSpan.FromSeconds(2));

        var edit = coalescer.EditAsync("c/m", 1, (_, _) => Task.FromException(new InvalidOperationException("boom")), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => edit.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
