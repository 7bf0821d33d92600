using CloudReel.Core.Orders;
using CloudReel.Core.Quality;
using CloudReel.Media.Quality;
using CloudReel.Media.Tests.Animatic;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Quality;

/// <summary>Each offline check on a clip made to fail it, and on good clips (a test pattern with sound, real animatic shots).</summary>
public sealed class ClipCheckerTests : IDisposable
{
    private readonly TestMedia _media = new();
    private readonly FfmpegClipChecker _checker;

    public ClipCheckerTests() => _checker = new FfmpegClipChecker(_media.Runner);

    [Fact]
    public async Task CheckAsync_GoodClipWithSound_PassesEveryCheck()
    {
        var clip = await _media.ClipAsync("good.mp4", seconds: 2);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2, ExpectsSound: true));

        report.Passed.Should().BeTrue(report.Reasons);
        report.Checks.Select(c => c.Name).Should().Equal("duration", "freeze", "black", "cut", "sound");
    }

    [Fact]
    public async Task CheckAsync_FrozenTake_FailsTheFreezeCheckWithWhereItFroze()
    {
        // One frame of test pattern held for two seconds: a take that stopped moving.
        var clip = await Encode("frozen.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=0.04", "-vf", "tpad=stop_mode=clone:stop_duration=2"], seconds: 2);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2));

        var freeze = report.Checks.Single(c => c.Name == "freeze");
        freeze.Passed.Should().BeFalse();
        freeze.Detail.Should().StartWith("the picture is frozen from").And.Contain("to the end");
        freeze.AtSeconds.Should().BeLessThan(0.5);
        report.Passed.Should().BeFalse();
        report.Reasons.Should().Contain("freeze: the picture is frozen");
    }

    [Fact]
    public async Task CheckAsync_BlackClip_FailsTheBlackCheck()
    {
        var clip = await _media.ColourClipAsync("black.mp4", "black", seconds: 2);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2));

        var black = report.Checks.Single(c => c.Name == "black");
        black.Passed.Should().BeFalse();
        black.Detail.Should().Be("the picture is black throughout");
    }

    [Fact]
    public async Task CheckAsync_FlashToBlackMidShot_FailsTheBlackCheckAtTheFlash()
    {
        var clip = await Encode("flash.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-vf", "drawbox=t=fill:c=black:enable='between(t,0.8,1.2)'"], seconds: 2);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2));

        var black = report.Checks.Single(c => c.Name == "black");
        black.Passed.Should().BeFalse();
        black.Detail.Should().StartWith("flashes to black at 0.8");
        black.AtSeconds.Should().BeApproximately(0.8, 0.05);
    }

    [Fact]
    public async Task CheckAsync_HardCutInsideTheShot_FailsTheCutCheckAtTheCut()
    {
        // A second of test pattern, then a second of colour bars: two shots in one clip.
        var clip = await Encode("cut.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=1", "-f", "lavfi", "-i", "smptehdbars=s=320x180:r=30:d=1",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]"], seconds: 2);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2));

        var cut = report.Checks.Single(c => c.Name == "cut");
        cut.Passed.Should().BeFalse();
        cut.AtSeconds.Should().BeApproximately(1.0, 0.05);
        cut.Detail.Should().StartWith("a hard cut at 1 s inside the shot");
        report.Checks.Single(c => c.Name == "freeze").Passed.Should().BeTrue();
    }

    [Fact]
    public async Task CheckAsync_ClipShorterThanAsked_FailsTheDurationCheck()
    {
        var clip = await _media.ClipAsync("short.mp4", seconds: 2, audio: false);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(5));

        var duration = report.Checks.Single(c => c.Name == "duration");
        duration.Passed.Should().BeFalse();
        duration.Detail.Should().Be("2 s long, 5 s asked (short by 3 s, more than 0.5 s)");
    }

    [Fact]
    public async Task CheckAsync_SilentSoundFromAModelThatMakesSound_FailsTheSoundCheck()
    {
        var clip = await Encode("silent.mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo", "-c:a", "aac"], seconds: 2);

        var expecting = await _checker.CheckAsync(clip, new ClipExpectation(2, ExpectsSound: true));
        var notExpecting = await _checker.CheckAsync(clip, new ClipExpectation(2, ExpectsSound: false));

        expecting.Checks.Single(c => c.Name == "sound").Detail.Should().StartWith("silent for 2 of 2 s");
        expecting.Passed.Should().BeFalse();
        notExpecting.Passed.Should().BeTrue(notExpecting.Reasons);
        notExpecting.Checks.Should().NotContain(c => c.Name == "sound");
    }

    [Fact]
    public async Task CheckAsync_NoSoundTrackFromAModelThatMakesSound_FailsTheSoundCheck()
    {
        var clip = await _media.ClipAsync("mute.mp4", seconds: 2, audio: false);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2, ExpectsSound: true));

        report.Checks.Single(c => c.Name == "sound").Should().Match<QualityCheck>(c => !c.Passed && c.Detail.StartsWith("no sound track", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_CorruptFile_FailsTheDecodeCheck()
    {
        var clip = _media.PathOf("corrupt.mp4");
        await File.WriteAllBytesAsync(clip, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))]);

        var report = await _checker.CheckAsync(clip, new ClipExpectation(2));

        report.Checks.Should().ContainSingle().Which.Should().Match<QualityCheck>(c => c.Name == "decode" && !c.Passed);
    }

    [Theory]
    [InlineData(CameraMove.Static)]
    [InlineData(CameraMove.PanRight)]
    [InlineData(CameraMove.Handheld)]
    public async Task CheckAsync_AnimaticShot_PassesEveryCheck(CameraMove camera)
    {
        using var animatic = new AnimaticFixture();
        var clip = await animatic.RenderAsync(AnimaticFixture.Request(camera: camera, seconds: 2), $"quality-{camera}".ToLowerInvariant());

        // The animatic's cards drift so slowly that a small render repeats frames: it may stand still.
        var report = await _checker.CheckAsync(clip, new ClipExpectation(2, MayHoldStill: true));

        report.Passed.Should().BeTrue(report.Reasons);
    }

    [Fact]
    public async Task SampleAsync_Clip_GivesEvenlySpreadJpegFramesWithinTheSize()
    {
        var clip = await _media.ClipAsync("frames.mp4", width: 640, height: 360, seconds: 2, audio: false);

        var frames = await new FrameSampler(_media.Runner).SampleAsync(clip, count: 3, maxSide: 256);

        frames.Should().HaveCount(3);
        frames.Should().OnlyContain(f => f.MediaType == "image/jpeg");
        frames.Select(f => f.Bytes.ToArray()[..2]).Should().AllBeEquivalentTo(new byte[] { 0xFF, 0xD8 }, "JPEG starts with its SOI marker");
        frames.Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Bytes.Span))).Should().OnlyHaveUniqueItems("the frames come from different moments");
        var path = _media.PathOf("frame0.jpg");
        await File.WriteAllBytesAsync(path, frames[0].Bytes.ToArray());
        var streams = await _media.StreamsAsync(path);
        (streams[0].Width, streams[0].Height).Should().Be((256, 144));
    }

    [Fact]
    public async Task LastFrameAsync_ClipThatTurnsBlue_IsItsLastBlueFrameAsPng()
    {
        var clip = await _media.ClipAsync("red-blue.mp4", seconds: 2, audio: false,
            source: "color=red:s=320x180:r=30:d=1[a];color=blue:s=320x180:r=30:d=1[b];[a][b]concat=n=2:v=1:a=0");
        var png = _media.PathOf("last.png");

        await new LastFrameGrabber(_media.Runner).LastFrameAsync(clip, png);

        (await File.ReadAllBytesAsync(png))[1..4].Should().Equal("PNG"u8.ToArray());
        var (r, g, b) = await _media.AverageRgbAsync(png, 0, (0, 0, 320, 180));
        (r < 30 && g < 30 && b > 200).Should().BeTrue($"the last frame is blue, not ({r}, {g}, {b})");
    }

    public void Dispose() => _media.Dispose();

    private async Task<string> Encode(string name, IReadOnlyList<string> inputs, double seconds)
    {
        var path = _media.PathOf(name);
        await _media.Runner.RunAsync(["-y", .. inputs, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
        return path;
    }
}
