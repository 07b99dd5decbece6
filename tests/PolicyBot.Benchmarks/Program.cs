using BenchmarkDotNet.Running;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Each benchmark lives in its own file; BenchmarkDotNet's switcher lists and runs them by name.
/// Usage: <c>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class BenchmarkEntryPoint
{
    public static async Task Main(string[] args)
    {
        // Load drivers that need their own timing run by name; everything else goes to BenchmarkDotNet.
        if (args is ["ask-load", .. var rest])
        {
            await AskBenchmark.RunAsync(rest);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
    }
}
