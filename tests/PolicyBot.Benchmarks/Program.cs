using PolicyBot.Benchmarks;

// A load driver per feature, chosen by the first argument; each benchmark adds one case here and one file of its own.
// Run: dotnet run -c Release --project tests/PolicyBot.Benchmarks -- <case> [options]
return args.FirstOrDefault() switch
{
    "polls" => await PollBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: PolicyBot.Benchmarks <case> [options]. Cases: polls. See docs/PERFORMANCE.md.");
    return 2;
}
