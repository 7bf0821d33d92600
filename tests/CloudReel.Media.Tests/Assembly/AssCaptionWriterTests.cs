using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly;

namespace CloudReel.Media.Tests.Assembly;

public sealed class AssCaptionWriterTests
{
    [Theory]
    [InlineData("{\\an8}top", "\\{\\an8\\}top")]
    [InlineData("line\\Nbreak", "line\\\u2060Nbreak")]
    [InlineData("hard\\hspace and \\n", "hard\\\u2060hspace and \\\u2060n")]
    [InlineData("C:\\path", "C:\\path")]
    [InlineData("ends with \\", "ends with \\")]
    [InlineData("中文，标点", "中文，标点")]
    public void Inert_OverrideCharacters_Neutralised(string text, string expected) =>
        AssCaptionWriter.Inert(text).Should().Be(expected);

    [Fact]
    public void Write_OneCue_StyleAndEventAsSpecified()
    {
        var track = new CaptionTrack("zh", [new CaptionCue(20, 40, "你好\n世界")]);

        var ass = AssCaptionWriter.Write(track, new FrameSize(320, 180), 30, 60, "Noto Sans CJK SC");

        ass.Should().Contain("PlayResX: 320\nPlayResY: 180\n");
        // 5.5 % of 180 px, white, dark outline, bottom-centred (2), margins inside the 90 % safe area.
        ass.Should().Contain("Style: Caption,Noto Sans CJK SC,10,&H00FFFFFF,&H000000FF,&H00141414,&H99000000,0,0,0,0,100,100,0,0,1,1,1,2,16,16,10,1\n");
        // Frame 20 at 30 fps is 666.7 ms: 0.66 s starts the event after frame 19 (633 ms) and by frame 20.
        ass.Should().Contain("Dialogue: 0,0:00:00.66,0:00:01.33,Caption,,0,0,0,,你好\\N世界\n");
    }

    [Fact]
    public void Write_LongLine_PreWrappedWithHardBreaks()
    {
        var track = new CaptionTrack("en", [new CaptionCue(0, 30, string.Join(' ', Enumerable.Repeat("word", 30)))]);

        var ass = AssCaptionWriter.Write(track, new FrameSize(320, 180), 30, 30, "Noto Sans CJK SC");

        var text = ass.Split('\n').Single(l => l.StartsWith("Dialogue:", StringComparison.Ordinal)).Split(",,")[^1];
        text.Split("\\N").Should().HaveCountGreaterThan(1).And.OnlyContain(l => l.Length <= 52);
    }

    [Fact]
    public void Write_CuesOutsideTheFilm_ClampedOrDropped()
    {
        var track = new CaptionTrack("en", [new CaptionCue(50, 90, "late"), new CaptionCue(70, 80, "after"), new CaptionCue(5, 5, "empty")]);

        var ass = AssCaptionWriter.Write(track, new FrameSize(320, 180), 30, 60, "F");

        ass.Split('\n').Where(l => l.StartsWith("Dialogue:", StringComparison.Ordinal))
            .Should().Equal("Dialogue: 0,0:00:01.66,0:00:02.00,Caption,,0,0,0,,late");
    }
}
