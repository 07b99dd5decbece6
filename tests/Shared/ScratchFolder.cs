namespace PolicyBot.Tests.Shared;

/// <summary>
/// A new, empty folder of its own under the system's temp folder, deleted with everything in it when disposed, so that a
/// test run leaves no files behind. Whatever still holds files in it (a host, a child process) must be stopped first;
/// <c>beforeDelete</c> releases what only the process as a whole can (SQLite's connection pools). Deleting is best-effort:
/// a folder that cannot be deleted never fails the test that used it.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    /// <summary>Where tests of one component put their folders.</summary>
    public const string TestsArea = "policybot-tests";

    /// <summary>Where tests of the whole host put theirs.</summary>
    public const string EndToEndArea = "policybot-e2e";

    public const string BenchmarksArea = "policybot-bench";

    private readonly Action? _beforeDelete;

    /// <param name="area">The folder under temp that says who made this one.</param>
    /// <param name="beforeDelete">Run before deleting, e.g. <c>SqliteConnection.ClearAllPools</c> (pooled connections keep the database files open).</param>
    public ScratchFolder(string area = TestsArea, Action? beforeDelete = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), area, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        _beforeDelete = beforeDelete;
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="parts"/> (a file or folder name, or several levels of them) inside this folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        _beforeDelete?.Invoke();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Already gone, or a file is still open (Windows): the temp folder's own cleaning will get it.
        }
    }
}
