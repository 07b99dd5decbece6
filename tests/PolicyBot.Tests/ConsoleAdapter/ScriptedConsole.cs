using System.Text;
using System.Threading.Channels;

namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>
/// A console a test types into while the host runs: lines are fed on demand, input ends when the test says so,
/// and the test can wait (on a signal, not a sleep) until some text has been printed.
/// </summary>
public sealed class ScriptedConsole : IDisposable
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly SignallingWriter _output = new();

    public TextReader Input => new ChannelReader(_lines.Reader);

    public TextWriter Output => _output;

    public string Text => _output.Snapshot();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    public void EndInput() => _lines.Writer.TryWrite(null);

    /// <summary>Waits until the output contains <paramref name="text"/>; fails after a generous real-time bound.</summary>
    public Task WaitForAsync(string text) => _output.WaitForAsync(text, TimeSpan.FromSeconds(60));

    public void Dispose() => _output.Dispose();

    /// <summary>Typed lines as a stream of characters, each ending in a line feed; null ends the input.</summary>
    private sealed class ChannelReader(ChannelReader<string?> lines) : TextReader
    {
        private string _pending = string.Empty;
        private int _offset;
        private bool _ended;

        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset == _pending.Length)
            {
                if (_ended || await lines.ReadAsync(cancellationToken) is not { } line)
                {
                    _ended = true;
                    return 0;
                }

                _pending = line + "\n";
                _offset = 0;
            }

            var count = Math.Min(buffer.Length, _pending.Length - _offset);
            _pending.AsSpan(_offset, count).CopyTo(buffer.Span);
            _offset += count;
            return count;
        }
    }

    private sealed class SignallingWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
                if (value == '\n')
                {
                    var all = _text.ToString();
                    foreach (var waiter in _waiters.Where(w => all.Contains(w.Text, StringComparison.Ordinal)).ToArray())
                    {
                        _waiters.Remove(waiter);
                        waiter.Seen.TrySetResult();
                    }
                }
            }
        }

        public string Snapshot()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }

        public async Task WaitForAsync(string text, TimeSpan bound)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_text)
            {
                if (_text.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                _waiters.Add((text, seen));
            }

            try
            {
                await seen.Task.WaitAsync(bound);
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"Waited for \"{text}\" but the console printed:\n{Snapshot()}");
            }
        }
    }
}
