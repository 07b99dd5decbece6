using BenchmarkDotNet.Running;

// Each benchmark lives in its own file; BenchmarkDotNet's switcher lists and runs them by name.
// Usage: dotnet run -c Release --project tests/PolicyBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
