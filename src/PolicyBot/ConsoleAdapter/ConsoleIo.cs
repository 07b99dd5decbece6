using System.Text;

namespace PolicyBot.ConsoleAdapter;

/// <summary>The console adapter's streams; tests substitute in-memory ones.</summary>
public sealed record ConsoleIo(TextReader Input, TextWriter Output)
{
    /// <summary>
    /// Standard input decoded leniently: invalid UTF-8 becomes U+FFFD instead of an exception, so a stray byte
    /// cannot crash the bot. Output is UTF-8 without a byte-order mark.
    /// </summary>
    public static ConsoleIo FromStandardStreams()
    {
        var lenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        var input = new StreamReader(Console.OpenStandardInput(), lenientUtf8, detectEncodingFromByteOrderMarks: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), lenientUtf8) { AutoFlush = true };
        return new ConsoleIo(input, output);
    }
}
