using BenchmarkDotNet.Running;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Each benchmark lives in its own file; BenchmarkDotNet's switcher lists and runs them by name.
/// Usage: <c>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- --filter '*'</c>.
/// Load drivers that are not BenchmarkDotNet classes run by name: <c>-- discord [iterations] [clicks]</c>.
/// </summary>
public static class BenchmarkEntryPoint
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Drivers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["discord"] = DiscordBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && Drivers.TryGetValue(args[0], out var driver))
        {
            return await driver(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
        return 0;
    }
}
