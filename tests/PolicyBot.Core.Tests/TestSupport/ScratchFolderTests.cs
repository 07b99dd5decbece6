using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.TestSupport;

/// <summary>Test runs leave nothing in the temp folder: a scratch folder goes when disposed, failing no test.</summary>
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
}
