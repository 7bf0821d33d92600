using System.Security.Cryptography;
using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Models;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>A clip damaged in the cache is never reused: the next render quarantines it and makes the shot again.</summary>
public sealed class DamagedCacheTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Render_AfterACachedClipWasTruncated_MakesThatShotAgainWithTheRecordedBytes()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        var order = _workspace.Write("order.yaml", TestOrders.ThreeShots);
        var first = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        first.ExitCode.Should().Be(0, first.ToString());
        var clips = Path.Combine(_workspace.Cli.Home, "store", "clips");
        var damaged = Directory.GetFiles(clips, "*.mp4").Order(StringComparer.Ordinal).First();
        using (var clip = File.OpenWrite(damaged)) clip.SetLength(clip.Length / 3);

        var second = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        second.ExitCode.Should().Be(0, second.ToString());
        var report = JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(_workspace.FilmFolder(second.FilmId), "report.json")), WorkflowJson.Options)!;
        report.Shots.FromCache.Should().Be(2, "only the intact clips are served from the cache");
        var record = JsonSerializer.Deserialize<ClipRecord>(File.ReadAllText(Path.ChangeExtension(damaged, ".json")), WorkflowJson.Options)!;
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(damaged))).Should().Be(record.Sha256, "the shot was made again, whole");
        Directory.GetFiles(Path.Combine(clips, "quarantine"), "*.mp4", SearchOption.AllDirectories)
            .Should().Contain(f => Path.GetFileName(f) == Path.GetFileName(damaged), "the damaged clip (and its normalised copies) are kept aside");
    }

    public void Dispose() => _workspace.Dispose();
}
