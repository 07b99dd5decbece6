using System.Text;
using PolicyBot.Cli;

namespace PolicyBot.Tests.ConsoleAdapter;

[Collection(HostCollection.Name)]
public sealed class ConsoleAdapterEndToEndTests : IDisposable
{
    private readonly ConsoleSession _session = new();

    [Fact]
    public async Task Lines_in_replies_out_and_the_session_ends_at_end_of_input()
    {
        var output = await _session.RunAsync("!help\n\n!help help\n");

        Assert.Contains("PolicyBot commands", output, StringComparison.Ordinal);
        Assert.Contains("Usage: `!help [command]`", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_session.DatabasePath), "The SQLite database is created on first run.");
    }

    [Fact]
    public async Task A_named_speaker_is_a_separate_user_and_not_an_admin()
    {
        var output = await _session.RunAsync("alice> !hlep\nbob> hello there\n");

        Assert.Contains("Did you mean `!help`?", output, StringComparison.Ordinal);
        Assert.Contains("Commands start with `!`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_mb_line_is_refused_politely_without_being_read_whole()
    {
        // Only chunked reads are served: asking for the whole line at once fails the run.
        var input = new NoWholeLines(new BoundedLineReaderTests.EndlessLine(50L * 1024 * 1024, then: "\n!help\n"));

        var output = await _session.RunAsync(input);

        Assert.Contains("That line is 52,428,800 characters long; I read at most 4,000. Please shorten it.", output, StringComparison.Ordinal);
        Assert.Contains("PolicyBot commands", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_polite_replies_and_never_crashes()
    {
        var hugeLine = "!help " + new string('x', 100 * 1024);
        var output = await _session.RunAsync($"   \n{hugeLine}\n!help @everyone\n!help\n");

        Assert.Contains("I read at most 4,000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", output, StringComparison.Ordinal);
        Assert.Contains("PolicyBot commands", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_on_stdin_is_replaced_not_fatal()
    {
        var bytes = new byte[] { (byte)'!', (byte)'h', 0xC3, 0x28, 0xFF, (byte)'\n' }
            .Concat(Encoding.UTF8.GetBytes("!help\n")).ToArray();
        var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, false));

        var output = await _session.RunAsync(reader);

        Assert.Contains("I don't know the command", output, StringComparison.Ordinal);
        Assert.Contains("PolicyBot commands", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prefix_comes_from_configuration()
    {
        var output = await _session.RunAsync("?help\n", "--Commands:Prefix=?");

        Assert.Contains("`?help [command]`", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_configuration_value_stops_the_start_with_the_key_named()
    {
        var error = await Record.ExceptionAsync(() => _session.RunAsync("!help\n", "--Commands:RateLimitBurst=0"));

        Assert.NotNull(error);
        Assert.True(StartupError.TryDescribe(error, out var message));
        Assert.Contains("RateLimitBurst", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_database_file_is_reported_with_its_path()
    {
        await File.WriteAllTextAsync(_session.DatabasePath, new string('#', 8192));

        var error = await Record.ExceptionAsync(() => _session.RunAsync("!help\n"));

        Assert.True(StartupError.TryDescribe(error!, out var message));
        Assert.Contains(_session.DatabasePath, message, StringComparison.Ordinal);
    }

    public void Dispose() => _session.Dispose();

    private sealed class NoWholeLines(TextReader inner) : TextReader
    {
        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override string ReadLine() => throw new InvalidOperationException("A console line must not be read whole.");

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("A console line must not be read whole.");
    }
}
