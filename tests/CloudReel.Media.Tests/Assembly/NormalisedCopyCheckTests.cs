using CloudReel.Core.Ports;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>A normalised copy is reused only while it holds the bytes it was kept with; a damaged one is quarantined and made again.</summary>
public sealed class NormalisedCopyCheckTests : IDisposable
{
    private const string Profile = "320x180p30-abc";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cloudreel-normalised-tests", Guid.NewGuid().ToString("N"));
    private readonly string _clip = StoreLayout.Clip(new string('c', 64));
    private readonly FolderClipStore _store;
    private readonly RenderCache _cache;

    public NormalisedCopyCheckTests()
    {
        _store = new FolderClipStore(Path.Combine(_root, "store"));
        _cache = new RenderCache(_store);
        Directory.CreateDirectory(_root);
    }

    [Fact]
    public async Task FindAsync_IntactCopy_IsReused()
    {
        await KeepAsync("a conformed clip");

        var found = await _cache.FindAsync(_clip, Profile);

        (await File.ReadAllTextAsync(found!)).Should().Be("a conformed clip");
    }

    [Fact]
    public async Task FindAsync_TruncatedCopy_IsQuarantinedAndNotReused()
    {
        var kept = await KeepAsync("a conformed clip");
        await File.WriteAllTextAsync(kept, "a conf");

        var found = await _cache.FindAsync(_clip, Profile);

        found.Should().BeNull("a truncated copy would break every later assembly");
        File.Exists(kept).Should().BeFalse();
        (await _store.ListAsync(StoreLayout.QuarantinePrefix)).Should().Contain(n => n.EndsWith("/" + new string('c', 64) + ".mp4", StringComparison.Ordinal));
        await KeepAsync("made again");
        (await File.ReadAllTextAsync((await _cache.FindAsync(_clip, Profile))!)).Should().Be("made again");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> KeepAsync(string bytes)
    {
        var local = Path.Combine(_root, Guid.NewGuid().ToString("N") + ".mp4");
        await File.WriteAllTextAsync(local, bytes);
        await _cache.StoreAsync(_clip, Profile, local);
        return await _store.GetLocalPathAsync(StoreLayout.NormalisedClip(new string('c', 64), Profile));
    }
}
