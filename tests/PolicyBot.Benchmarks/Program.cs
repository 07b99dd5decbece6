using BenchmarkDotNet.Running;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Load drivers and benchmarks, one case per feature, each in its own file:
/// <c>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- &lt;case&gt; [args]</c>. Figures go to docs/PERFORMANCE.md.
/// Anything that is not a case goes to BenchmarkDotNet's switcher (<c>-- --filter '*'</c>).
/// </summary>
public static class BenchmarkEntryPoint
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Cases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["due-jobs"] = DueJobBenchmark.RunAsync,
        ["polls"] = PollBenchmark.RunAsync,
        ["discord"] = DiscordBenchmark.RunAsync,
        ["slack"] = SlackBenchmark.RunAsync,
        ["slack-serve"] = SlackBenchmark.ServeAsync,
        ["slack-profile"] = SlackProfile.RunAsync,
        ["ask-load"] = async rest => { await AskBenchmark.RunAsync(rest); return 0; },
        ["memory"] = MemoryBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && Cases.TryGetValue(args[0], out var run))
        {
            return await run(args[1..]);
        }

        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync($"Usage: PolicyBot.Benchmarks <case> [args]. Cases: {string.Join(", ", Cases.Keys)}");
            return 2;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
        return 0;
    }
}
