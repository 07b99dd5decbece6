// Load drivers and benchmarks, one case per feature: `dotnet run -c Release --project tests/PolicyBot.Benchmarks -- <case> [args]`.
// Each case lives in its own file; add yours to the switch. Figures go to docs/PERFORMANCE.md.
using PolicyBot.Benchmarks;

var name = args.Length > 0 ? args[0].ToLowerInvariant() : "";
var rest = args.Skip(1).ToArray();
switch (name)
{
    case "due-jobs":
        return await DueJobBenchmark.RunAsync(rest);
    default:
        Console.Error.WriteLine("Usage: PolicyBot.Benchmarks <case> [args]. Cases: due-jobs");
        return 2;
}
