using System.Diagnostics;
using System.Globalization;
using PolicyBot.Core.Footprint;
using PolicyBot.Core.Knowledge.Evaluation;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Benchmarks;

/// <summary>
/// <c>memory [questions=1000] [votes=100000]</c>: the resident memory of the console bot as users run it, a separate
/// <c>PolicyBot</c> process (the build beside this benchmark, SQLite in a scratch folder, the shipped article) driven
/// through its stdin: after start-up and its first answer, after the questions (each one new, so each pays for its
/// inference), after the votes (one poll, 1,000 voters voting again and again), after the same questions again (growth
/// would show here), and the peak (the kernel's high-water mark). Each moment is read twice: as the last line is
/// answered, and once the bot has been quiet long enough for <see cref="QuietMemoryRelease"/> to run (steady). Also
/// what stderr printed, which must be nothing.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Voters = 1_000;

    private static readonly TimeSpan Settle = QuietMemoryRelease.DefaultQuiet + TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var questionCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var voteCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var questions = (await EvalCase.ReadJsonLinesAsync(FindSeedQuestions(), CancellationToken.None)).Select(c => c.Question).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory of the console bot: {questionCount:N0} questions, {voteCount:N0} votes by {Voters:N0} voters; {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

        using var scratch = new ScratchFolder(ScratchFolder.BenchmarksArea);
        await using (var bot = BotProcess.Start(scratch.Path))
        {
            var clock = Stopwatch.StartNew();
            await bot.RunAsync([$"!ask {questions[0]}"]);
            await ReportAsync("after start-up and the first answer", bot, clock);

            clock.Restart();
            await bot.RunAsync(Questions(questions, questionCount, round: 1));
            await ReportAsync($"after {questionCount:N0} more questions", bot, clock);

            await bot.RunAsync(["!poll Which concession first? | Lift sanctions | Cancel drills | Both | Neither"]);
            for (var done = 0; done < voteCount;)
            {
                var chunk = Math.Min(voteCount - done, Math.Max(1, voteCount / 4));
                clock.Restart();
                await bot.RunAsync(Enumerable.Range(done, chunk).Select(i => $"voter{i % Voters}> !vote 1 {1 + (i / Voters % 4)}"));
                done += chunk;
                await ReportAsync($"after {done:N0} votes", bot, clock);
            }

            clock.Restart();
            await bot.RunAsync(Questions(questions, questionCount, round: 2));
            await ReportAsync($"after {questionCount:N0} more questions", bot, clock);

            var stderr = await bot.StopAsync();
            var final = bot.Memory;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory: {final.PeakMiB:N0} MiB"));
            Console.WriteLine($"stderr: {(stderr.Length == 0 ? "nothing" : stderr)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end: {LoadAverage()}"));
            return stderr.Length == 0 ? 0 : 1;
        }
    }

    // Every question is new (so each pays for its inference), made so by everyday words rather than numbers: digits
    // would reach rows of the model's word-embedding table that real questions rarely touch.
    private static readonly string[] Asides =
    [
        "today", "again", "really", "please", "now", "exactly", "briefly", "though", "still", "then", "here", "also",
        "anyway", "honestly", "overall", "basically", "simply", "perhaps", "indeed", "again",
    ];

    private static IEnumerable<string> Questions(string[] questions, int count, int round) =>
        Enumerable.Range(0, count).Select(i =>
            $"!ask {questions[i % questions.Length]} ({Asides[round % Asides.Length]} {Asides[i % Asides.Length]} {Asides[i / Asides.Length % Asides.Length]} {Asides[i / Asides.Length / Asides.Length % Asides.Length]})");

    private static async Task ReportAsync(string label, BotProcess bot, Stopwatch clock)
    {
        var took = clock.Elapsed;
        var busy = bot.Memory;
        await Task.Delay(Settle);
        var steady = bot.ReadMemory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-40} resident {busy.ResidentMiB,5:N0} MiB, {Settle.TotalSeconds:N0} s later {steady.ResidentMiB,5:N0} MiB (anonymous {steady.AnonymousMiB,4:N0}, files {steady.FileMiB,4:N0}), peak {steady.PeakMiB,4:N0} MiB; took {took.TotalSeconds,5:N1} s"));
    }

    private static string FindSeedQuestions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "eval", "seed", "ask-dev.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("tests/eval/seed/ask-dev.jsonl not found above the benchmark's folder.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Resident memory from <c>/proc/&lt;pid&gt;/status</c>, in MiB.</summary>
    private readonly record struct ProcessMemory(double ResidentMiB, double AnonymousMiB, double FileMiB, double PeakMiB)
    {
        public static ProcessMemory Of(int pid)
        {
            var fields = File.ReadAllLines($"/proc/{pid}/status")
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith("kB", StringComparison.Ordinal))
                .ToDictionary(parts => parts[0], parts => double.Parse(parts[1].Trim()[..^2], CultureInfo.InvariantCulture) / 1024.0);
            return new(fields["VmRSS"], fields["RssAnon"], fields["RssFile"] + fields.GetValueOrDefault("RssShmem"), fields["VmHWM"]);
        }
    }

    /// <summary>
    /// The bot as a child process. A batch of lines ends with an unknown command whose name is unique; its reply means
    /// every line before it was handled (the console adapter handles lines in order).
    /// </summary>
    private sealed class BotProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task _stdout;
        private readonly Task<string> _stderr;
        private readonly Lock _gate = new();
        private (string Marker, TaskCompletionSource Seen)? _waiting;
        private int _batches;

        private BotProcess(Process process)
        {
            _process = process;
            _stdout = Task.Run(ReadStdoutAsync);
            _stderr = process.StandardError.ReadToEndAsync();
        }

        /// <summary>The memory when the last batch of lines had been handled.</summary>
        public ProcessMemory Memory { get; private set; }

        public ProcessMemory ReadMemory() => ProcessMemory.Of(_process.Id);

        public static BotProcess Start(string scratch)
        {
            var start = ConsoleBotProcess.StartInfo(scratch);
            return new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start PolicyBot."));
        }

        /// <summary>Sends the lines and returns when the bot has handled them all; records the memory at that moment.</summary>
        public async Task RunAsync(IEnumerable<string> lines)
        {
            var marker = $"zzmark{++_batches}";
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiting = (marker, seen);
            }

            var input = _process.StandardInput;
            foreach (var line in lines.Append($"!{marker}"))
            {
                await input.WriteLineAsync(line);
            }

            await input.FlushAsync();
            await Task.WhenAny(seen.Task, _process.WaitForExitAsync());
            if (!seen.Task.IsCompleted)
            {
                throw new InvalidOperationException($"The bot exited ({_process.ExitCode}): {await _stderr}");
            }

            Memory = ProcessMemory.Of(_process.Id);
        }

        /// <summary>Ends the bot's input, waits for it to exit, and returns what it wrote on stderr.</summary>
        public async Task<string> StopAsync()
        {
            Memory = ProcessMemory.Of(_process.Id);
            _process.StandardInput.Close();
            await _process.WaitForExitAsync();
            await _stdout;
            return (await _stderr).Trim();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private async Task ReadStdoutAsync()
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_gate)
                {
                    if (_waiting is { } waiting && line.Contains(waiting.Marker, StringComparison.Ordinal))
                    {
                        waiting.Seen.TrySetResult();
                        _waiting = null;
                    }
                }
            }
        }
    }
}
