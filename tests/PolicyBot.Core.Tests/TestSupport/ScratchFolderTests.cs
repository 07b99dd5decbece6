using PolicyBot.Core.Tests.Knowledge;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.TestSupport;

/// <summary>Test runs leave nothing in the temp folder: scratch folders go when disposed, and tests make no others.</summary>
public sealed class ScratchFolderTests
{
    [Fact]
    public void Disposing_deletes_the_folder_with_everything_in_it()
    {
        var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch.Combine("nested", "deeper"));
        File.WriteAllText(scratch.Combine("nested", "deeper", "notes.txt"), "kept until disposed");

        scratch.Dispose();

        Assert.False(Directory.Exists(scratch.Path));
    }

    [Fact]
    public void What_holds_files_is_released_before_the_delete_and_a_folder_already_gone_fails_nothing()
    {
        var existedWhenReleased = new List<bool>();
        ScratchFolder? scratch = null;
        scratch = new ScratchFolder(beforeDelete: () => existedWhenReleased.Add(Directory.Exists(scratch!.Path)));

        scratch.Dispose();
        scratch.Dispose();

        Assert.Equal([true, false], existedWhenReleased);
    }

    [Fact]
    public void Tests_make_temporary_folders_only_through_the_scratch_folder()
    {
        var tests = Path.Combine(TestArticles.RepositoryRoot, "tests");
        string[] allowed =
        [
            Path.Combine("Shared", "ScratchFolder.cs"),
            Path.Combine("PolicyBot.Core.Tests", "Knowledge", "TestArticles.cs"), // the embedding cache kept across runs
            Path.Combine("PolicyBot.Core.Tests", "TestSupport", "ScratchFolderTests.cs"), // this test, which looks for it
        ];

        var others = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(tests, file))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(file => File.ReadAllText(Path.Combine(tests, file)).Contains("GetTempPath", StringComparison.Ordinal))
            .Except(allowed)
            .Order();

        Assert.Empty(others);
    }
}
