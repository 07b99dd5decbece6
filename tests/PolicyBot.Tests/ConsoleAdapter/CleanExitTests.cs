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
        using var bot = RunningBot.Start(firstStart);

        bot.Process.StandardInput.Close();

        await bot.AssertCleanExitAsync();
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sigterm_while_a_question_waits_for_the_model_ends_the_run_cleanly(bool firstStart)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is sent with kill(1)");
        using var bot = RunningBot.Start(firstStart);

        // The help reply shows the host is running; the question after it then waits for the model, which loads for
        // about a second (several on a first start, which prepares it for mapping).
        await bot.Process.StandardInput.WriteAsync("!help\n!ask Should sanctions be lifted?\n");
        await bot.Process.StandardInput.FlushAsync();
        await bot.Stdout.WaitForAsync("PolicyBot commands");
        using (var kill = Process.Start("kill", ["-TERM", bot.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        await bot.AssertCleanExitAsync();
    }

    /// <summary>The bot in a scratch folder of its own; disposing kills it if it still runs, then deletes the folder.</summary>
    private sealed class RunningBot : IDisposable
    {
        private readonly ScratchFolder _scratch;
        private readonly Task<string> _stderr;

        private RunningBot(ScratchFolder scratch, Process process)
        {
            _scratch = scratch;
            Process = process;
            Stdout = new LineCollector(process.StandardOutput);
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public Process Process { get; }

        public LineCollector Stdout { get; }

        public static RunningBot Start(bool firstStart)
        {
            var scratch = new ScratchFolder();
            var start = ConsoleBotProcess.StartInfo(scratch.Path);
            if (firstStart)
            {
                start.Environment["TMPDIR"] = scratch.Path; // no prepared model there yet
            }

            try
            {
                return new RunningBot(scratch, Process.Start(start)!);
            }
            catch
            {
                scratch.Dispose();
                throw;
            }
        }

        public async Task AssertCleanExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await Process.WaitForExitAsync(timeout.Token);
            Assert.Equal("", (await _stderr).Trim());
            Assert.Equal(0, Process.ExitCode);
        }

        // A failed test may leave the bot running, still writing to the folder (on a first start, 90 MB of model).
        public void Dispose()
        {
            try
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // It had exited already, or cannot be killed: the folder is deleted as far as it can be.
            }

            Process.Dispose();
            _scratch.Dispose();
        }
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
