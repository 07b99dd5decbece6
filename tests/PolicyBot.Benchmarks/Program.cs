namespace PolicyBot.Benchmarks;

/// <summary>
/// Benchmarks and load drivers, chosen by the first argument (see docs/PERFORMANCE.md). Each feature adds its
/// cases to <see cref="Cases"/>; nothing here runs under <c>dotnet test</c>.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Cases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slack"] = SlackBenchmark.RunAsync,
        ["slack-serve"] = SlackBenchmark.ServeAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Cases.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: PolicyBot.Benchmarks <{string.Join('|', Cases.Keys)}> [options]");
            return 2;
        }

        return await run(args[1..]);
    }
}
