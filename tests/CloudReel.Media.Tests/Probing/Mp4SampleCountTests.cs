using CloudReel.Media.Probing;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Probing;

public sealed class Mp4SampleCountTests : IDisposable
{
    private readonly TestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Theory]
    [InlineData(25, 2.0, true, 50)]
    [InlineData(30, 1.0, false, 30)]
    public async Task VideoFrames_Mp4WithOrWithoutSound_TheVideoTracksSampleCount(int fps, double seconds, bool audio, int frames)
    {
        var clip = await _media.ClipAsync($"count-{fps}-{audio}.mp4", fps: fps, seconds: seconds, audio: audio);

        Mp4SampleCount.VideoFrames(clip).Should().Be(frames);
    }

    [Fact]
    public async Task VideoFrames_AudioOnly_Null()
    {
        var tone = await _media.ToneAsync("tone.m4a", 440, 1);

        Mp4SampleCount.VideoFrames(tone).Should().BeNull();
    }

    [Fact]
    public void VideoFrames_NotAnMp4_Null()
    {
        var path = _media.PathOf("text.mp4");
        File.WriteAllText(path, "not a video at all");

        Mp4SampleCount.VideoFrames(path).Should().BeNull();
    }
}
