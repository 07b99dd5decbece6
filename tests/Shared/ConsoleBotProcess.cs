using System.Diagnostics;

namespace PolicyBot.Tests.Shared;

/// <summary>How tests and benchmarks start the console bot as a process of its own: the build beside them, SQLite and encodings in a scratch folder.</summary>
public static class ConsoleBotProcess
{
    public static ProcessStartInfo StartInfo(string scratch)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = scratch,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PolicyBot.dll"));
        start.ArgumentList.Add($"--Storage:ConnectionString={Path.Combine(scratch, "bot.db")}");
        start.ArgumentList.Add($"--Knowledge:EmbeddingCachePath={Path.Combine(scratch, "embeddings")}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        return start;
    }
}
