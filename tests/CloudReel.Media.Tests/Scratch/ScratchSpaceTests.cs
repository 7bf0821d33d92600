using CloudReel.Media.Scratch;

namespace CloudReel.Media.Tests.Scratch;

/// <summary>The local scratch space: folders only their owner can enter, and what a crash left behind removed on the next start.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ScratchSpaceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cloudreel-scratch-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void CreateDirectory_IsTheOwnersAlone_AndStaleFoldersGoOnFirstUse()
    {
        var stale = Directory.CreateDirectory(Path.Combine(_root, "download-left-by-a-crash")).FullName;
        File.WriteAllText(Path.Combine(stale, "clip.mp4"), "partial");
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow - LocalScratchSpace.StaleAfter - TimeSpan.FromHours(1));
        var recent = Directory.CreateDirectory(Path.Combine(_root, "download-in-use")).FullName;

        using var scratch = new LocalScratchSpace(_root).CreateDirectory("download");

        File.GetUnixFileMode(scratch.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Exists(stale).Should().BeFalse();
        Directory.Exists(recent).Should().BeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
