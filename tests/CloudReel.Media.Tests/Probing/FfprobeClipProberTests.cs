using CloudReel.Core.Ports;
using CloudReel.Media.Probing;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Probing;

public sealed class FfprobeClipProberTests : IDisposable
{
    private readonly TestMedia _media = new();
    private readonly FfprobeClipProber _prober;

    public FfprobeClipProberTests() => _prober = new FfprobeClipProber(_media.Runner);

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task ProbeAsync_GoodClip_ReportsStreamsAndExactFrameCount()
    {
        var clip = await _media.ClipAsync("good.mp4", width: 320, height: 180, fps: 25, seconds: 2);

        var probe = await _prober.ProbeAsync(clip);

        probe.Width.Should().Be(320);
        probe.Height.Should().Be(180);
        probe.FramesPerSecond.Should().BeApproximately(25, 0.01);
        probe.VideoCodec.Should().Be("h264");
        probe.HasAudio.Should().BeTrue();
        probe.DurationSeconds.Should().BeApproximately(2, 0.05);
        probe.VideoFrames.Should().Be(50);
    }

    [Fact]
    public async Task ProbeAsync_ClipWithoutAudio_HasAudioFalse()
    {
        var clip = await _media.ClipAsync("silent.mp4", audio: false);

        var probe = await _prober.ProbeAsync(clip);

        probe.HasAudio.Should().BeFalse();
        probe.VideoFrames.Should().Be(30);
    }

    [Fact]
    public async Task ProbeAsync_MissingFile_BadClip()
    {
        var probe = () => _prober.ProbeAsync(_media.PathOf("nope.mp4"));

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*does not exist*");
    }

    [Fact]
    public async Task ProbeAsync_TruncatedBeforeIndex_BadClip()
    {
        var clip = await _media.ClipAsync("whole.mp4", seconds: 2);
        var bytes = await File.ReadAllBytesAsync(clip);
        var truncated = _media.PathOf("truncated.mp4");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);

        var probe = () => _prober.ProbeAsync(truncated);

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*not a readable media file*");
    }

    [Fact]
    public async Task ProbeAsync_IndexIntactButDataCut_BadClipBecauseDecodeFails()
    {
        var clip = await _media.ClipAsync("source.mp4", seconds: 2);
        var faststart = _media.PathOf("faststart.mp4");
        await _media.Runner.RunAsync(["-y", "-i", clip, "-c", "copy", "-movflags", "+faststart", faststart]);
        var bytes = await File.ReadAllBytesAsync(faststart);
        var cut = _media.PathOf("cut.mp4");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var probe = () => _prober.ProbeAsync(cut);

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*does not decode cleanly*");
    }

    [Fact]
    public async Task ProbeAsync_CorruptedPayload_BadClip()
    {
        var clip = await _media.ClipAsync("source2.mp4", seconds: 2);
        var faststart = _media.PathOf("faststart2.mp4");
        await _media.Runner.RunAsync(["-y", "-i", clip, "-c", "copy", "-movflags", "+faststart", faststart]);
        var bytes = await File.ReadAllBytesAsync(faststart);
        // Deterministic garbage over the middle of the media data, index untouched.
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 4000; i++) bytes[i] = (byte)(i * 7919 % 251);
        var corrupt = _media.PathOf("corrupt.mp4");
        await File.WriteAllBytesAsync(corrupt, bytes);

        var probe = () => _prober.ProbeAsync(corrupt);

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*decode*");
    }

    [Fact]
    public async Task ProbeAsync_RandomBytes_BadClip()
    {
        var junk = _media.PathOf("junk.mp4");
        await File.WriteAllBytesAsync(junk, Enumerable.Range(0, 20000).Select(i => (byte)(i * 31 % 256)).ToArray());

        var probe = () => _prober.ProbeAsync(junk);

        await probe.Should().ThrowAsync<BadClipException>();
    }

    [Fact]
    public async Task ProbeAsync_AudioOnlyFile_BadClipNoVideoStream()
    {
        var audio = _media.PathOf("sound.m4a");
        await _media.Runner.RunAsync(["-y", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac", audio]);

        var probe = () => _prober.ProbeAsync(audio);

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*has no video stream*");
    }

    [Fact]
    public async Task ProbeAsync_StillImage_BadClipZeroDuration()
    {
        var image = await _media.ImageAsync("still.png");

        var probe = () => _prober.ProbeAsync(image);

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*zero duration*");
    }

    [Fact]
    public async Task ProbeAsync_EmptyFile_BadClip()
    {
        var empty = _media.PathOf("empty.mp4");
        await File.WriteAllBytesAsync(empty, []);

        var probe = () => _prober.ProbeAsync(empty);

        await probe.Should().ThrowAsync<BadClipException>().WithMessage("*empty*");
    }
}
