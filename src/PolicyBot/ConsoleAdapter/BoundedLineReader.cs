using System.Text;

namespace PolicyBot.ConsoleAdapter;

/// <summary>A line of input: its text (at most the reader's limit) and how long it really was.</summary>
/// <param name="Length">The whole line's length in characters; more than <see cref="Text"/>'s when it was cut.</param>
public sealed record InputLine(string Text, long Length)
{
    public bool IsCut => Length > Text.Length;
}

/// <summary>
/// Reads lines without ever holding more than <paramref name="maxLength"/> characters of one: the rest of a longer line
/// is counted and dropped as it streams past, so a 50 MB line costs a few kilobytes, not a 50 MB string.
/// Line ends are <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as <see cref="TextReader.ReadLine"/> has them.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private const int ChunkSize = 4096;
    private readonly char[] _chunk = new char[ChunkSize];
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    /// <summary>The next line, or null at end of input.</summary>
    public async Task<InputLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        long length = 0;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    return any ? new InputLine(text.ToString(), length) : null;
                }
            }

            any = true;
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_chunk[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }

            var span = _chunk.AsSpan(_start, _end - _start);
            var lineEnd = span.IndexOfAny('\n', '\r');
            var piece = lineEnd < 0 ? span : span[..lineEnd];
            var room = Math.Max(0, maxLength - text.Length);
            text.Append(piece[..Math.Min(room, piece.Length)]);
            length += piece.Length;
            if (lineEnd < 0)
            {
                _start = _end;
                continue;
            }

            _skipLineFeed = span[lineEnd] == '\r';
            _start += lineEnd + 1;
            return new InputLine(text.ToString(), length);
        }
    }
}
