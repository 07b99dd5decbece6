using PolicyBot.ConsoleAdapter;

namespace PolicyBot.Tests.ConsoleAdapter;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public async Task Lines_end_at_lf_crlf_or_cr_and_the_last_needs_no_end()
    {
        var reader = new BoundedLineReader(new StringReader("one\ntwo\r\nthree\rfour"), maxLength: 100);

        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line.Text);
        }

        Assert.Equal(["one", "two", "three", "four"], lines);
    }

    [Fact]
    public async Task A_50_mb_line_is_measured_and_cut_without_being_held_whole()
    {
        const long length = 50L * 1024 * 1024;
        var reader = new BoundedLineReader(new EndlessLine(length, then: "\n!help\n"), maxLength: 4001);

        // The fake reader completes synchronously, so everything runs on this thread and its allocations count here.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var huge = await reader.ReadLineAsync(CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var next = await reader.ReadLineAsync(CancellationToken.None);

        Assert.Equal(length, huge!.Length);
        Assert.Equal(4001, huge.Text.Length);
        Assert.True(huge.IsCut);
        Assert.InRange(allocated, 0, 1024 * 1024); // a whole line would be 100 MB of UTF-16
        Assert.Equal("!help", next!.Text);
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }

    /// <summary>One very long line of 'x' (made as it is read, never held), then more input.</summary>
    internal sealed class EndlessLine(long length, string then) : TextReader
    {
        private long _served;
        private int _tail;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (_served < length)
            {
                var count = (int)Math.Min(buffer.Length, length - _served);
                buffer.Span[..count].Fill('x');
                _served += count;
                return ValueTask.FromResult(count);
            }

            var rest = Math.Min(buffer.Length, then.Length - _tail);
            then.AsSpan(_tail, rest).CopyTo(buffer.Span);
            _tail += rest;
            return ValueTask.FromResult(rest);
        }
    }
}
