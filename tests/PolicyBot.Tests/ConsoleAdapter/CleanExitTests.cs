using System.Diagnostics;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests.ConsoleAdapter;

/// <summary>
/// The console bot as a real process that is stopped while the sentence-embedding model is still loading (or being
/// prepared for mapping on a first start): by the end of its input, or by SIGTERM while a question waits for the model.
/// It must exit 0 and print nothing on stderr. Before the load was cancellable and awaited, such a run could end while
/// ONNX Runtime was still creating its session and print native errors (std::bad_alloc, a TypeProto mismatch).
/// </summary>
public sealed class CleanExitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Input_that_ends_during_warm_up_ends_the_run_cleanly(bool firstStart)
    {
        using var bot = StartBot(firstStart, out var stdout, out var stderr);

        bot.StandardInput.Close();

        await AssertCleanExitAsync(bot, stderr);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sigterm_while_a_question_waits_for_the_model_ends_the_run_cleanly(bool firstStart)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is sent with kill(1)");
        using var bot = StartBot(firstStart, out var stdout, out var stderr);

        // The help reply shows the host is running; the question after it then waits for the model, which loads for
        // about a second (several on a first start, which prepares it for mapping).
        await bot.StandardInput.WriteAsync("!help\n!ask Should sanctions be lifted?\n");
        await bot.StandardInput.FlushAsync();
        await stdout.WaitForAsync("PolicyBot commands");
        using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        await AssertCleanExitAsync(bot, stderr);
    }

    private static Process StartBot(bool firstStart, out LineCollector stdout, out Task<string> stderr)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        var start = ConsoleBotProcess.StartInfo(scratch);
        if (firstStart)
        {
            start.Environment["TMPDIR"] = scratch; // no prepared model there yet
        }

        var bot = Process.Start(start)!;
        stdout = new LineCollector(bot.StandardOutput);
        stderr = bot.StandardError.ReadToEndAsync();
        return bot;
    }

    private static async Task AssertCleanExitAsync(Process bot, Task<string> stderr)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.WaitForExitAsync(timeout.Token);
        Assert.Equal("", (await stderr).Trim());
        Assert.Equal(0, bot.ExitCode);
    }

    /// <summary>Reads a stream's lines as they come and lets a test wait for one.</summary>
    private sealed class LineCollector
    {
        private readonly Lock _gate = new();
        private readonly List<(string Text, TaskCompletionSource Seen)> _waiting = [];
        private readonly System.Text.StringBuilder _seen = new();

        public LineCollector(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_gate)
                {
                    _seen.AppendLine(line);
                    foreach (var waiting in _waiting.Where(w => line.Contains(w.Text, StringComparison.Ordinal)))
                    {
                        waiting.Seen.TrySetResult();
                    }
                }
            }
        });

        public Task WaitForAsync(string text)
        {
            lock (_gate)
            {
                if (_seen.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return Task.CompletedTask;
                }

                var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((text, seen));
                return seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
    }
}
