using BenchmarkDotNet.Running;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Each benchmark lives in its own file; BenchmarkDotNet's switcher lists and runs them by name.
/// Usage: <c>dotnet run -c Release --project tests/PolicyBot.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class BenchmarkEntryPoint
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
}
