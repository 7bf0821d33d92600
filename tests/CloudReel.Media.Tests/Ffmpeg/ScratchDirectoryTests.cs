using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Tests.Ffmpeg;

/// <summary>Scratch folders hold prompts, sound and captions: the owner's alone, and removed when a crash left them behind.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ScratchDirectoryTests
{
    [Fact]
    public void Create_MakesAFolderOnlyItsOwnerCanEnter()
    {
        using var scratch = ScratchDirectory.Create("permissions");

        File.GetUnixFileMode(scratch.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void RemoveStale_LeftBehindFolders_AreRemovedAndOthersKept()
    {
        var root = Directory.CreateTempSubdirectory("scratch-root-").FullName;
        var stale = Directory.CreateDirectory(Path.Combine(root, $"cloudreel-assembly-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(stale, "prompt.txt"), "a prompt");
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));
        var fresh = Directory.CreateDirectory(Path.Combine(root, $"cloudreel-assembly-{Guid.NewGuid():N}")).FullName;
        var notOurs = Directory.CreateDirectory(Path.Combine(root, "cloudreel-tools")).FullName;
        Directory.SetLastWriteTimeUtc(notOurs, DateTime.UtcNow.AddDays(-2));

        ScratchDirectory.RemoveStale(root);

        Directory.Exists(stale).Should().BeFalse();
        Directory.Exists(fresh).Should().BeTrue();
        Directory.Exists(notOurs).Should().BeTrue("only scratch folders of CloudReel's own naming are touched");
        Directory.Delete(root, recursive: true);
    }
}
