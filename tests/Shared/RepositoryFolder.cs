namespace PolicyBot.Tests.Shared;

/// <summary>The repository's top folder (the one holding PolicyBot.sln), found above the running test assembly.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PolicyBot.sln not found above the test folder.");
    }
}
