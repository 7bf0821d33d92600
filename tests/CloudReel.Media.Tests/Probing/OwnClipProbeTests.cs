using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Probing;
using CloudReel.Media.Scratch;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Probing;

/// <summary>An order's own clip is read through as a generated clip is, and measured for the shots that give no length.</summary>
public sealed class OwnClipProbeTests : IDisposable
{
    private readonly TestMedia _media = new();
    private readonly FfmpegMediaFileProbe _probe;

    public OwnClipProbeTests() => _probe = new FfmpegMediaFileProbe(FfmpegTools.Locate(), new LocalScratchSpace(_media.PathOf("scratch")));

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task Video_WholeClip_ReadsThrough_AndMeasuresItsLength()
    {
        var clip = await _media.ClipAsync("own.mp4", seconds: 1.5, audio: false);

        await using (var content = File.OpenRead(clip)) (await _probe.ProblemWithAsync(content, MediaFileKind.Video)).Should().BeNull();
        await using (var content = File.OpenRead(clip)) (await _probe.VideoSecondsAsync(content)).Should().BeApproximately(1.5, 0.05);
    }

    [Fact]
    public async Task Video_CutShort_TellsWhyInTheUsersTerms_WithoutTheScratchPath()
    {
        var whole = await File.ReadAllBytesAsync(await _media.ClipAsync("whole.mp4", audio: false));

        var problem = await _probe.ProblemWithAsync(new MemoryStream(whole[..(whole.Length / 3)]), MediaFileKind.Video);

        problem.Should().StartWith("does not read as a video: ");
        problem.Should().NotContain(Path.GetTempPath()).And.NotContain(_media.Directory);
    }

    [Fact]
    public async Task Video_SoundFile_IsNoVideo()
    {
        var tone = await _media.ToneAsync("tone.m4a", 440, 0.5);

        await using var content = File.OpenRead(tone);
        (await _probe.ProblemWithAsync(content, MediaFileKind.Video)).Should().Be("does not read as a video: it has no video stream.");
    }
}
