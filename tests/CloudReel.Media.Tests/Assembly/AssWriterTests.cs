using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Captions;

namespace CloudReel.Media.Tests.Assembly;

public sealed class AssWriterTests
{
    private static readonly CaptionLayout Landscape = CaptionLayout.For(new FrameSize(320, 180), SafeArea.For(AspectRatio.Landscape));

    [Theory]
    [InlineData("{\\an8}top", "\\{\\an8\\}top")]
    [InlineData("line\\Nbreak", "line\\\u2060Nbreak")]
    [InlineData("hard\\hspace and \\n", "hard\\\u2060hspace and \\\u2060n")]
    [InlineData("C:\\path", "C:\\path")]
    [InlineData("ends with \\", "ends with \\")]
    [InlineData("中文，标点", "中文，标点")]
    public void Inert_OverrideCharacters_Neutralised(string text, string expected) =>
        AssText.Inert(text).Should().Be(expected);

    [Fact]
    public void Captions_OneCue_StyleAndEventAsSpecified()
    {
        var track = new CaptionTrack("zh", [new CaptionCue(20, 40, "你好\n世界")]);

        var ass = new AssWriter(Landscape, "Noto Sans CJK SC", 30).Captions([track], 60).Build();

        ass.Should().Contain("PlayResX: 320\nPlayResY: 180\n");
        // 5.5 % of 180 px, white, dark outline, bottom-centred (2), margins inside the 90 % safe area.
        ass.Should().Contain("Style: Caption,Noto Sans CJK SC,10,&H00FFFFFF,&H000000FF,&H00141414,&H99000000,0,0,0,0,100,100,0,0,1,1,1,2,16,16,10,1\n");
        // Frame 20 at 30 fps is 666.7 ms: 0.66 s starts the event after frame 19 (633 ms) and by frame 20.
        ass.Should().Contain("Dialogue: 0,0:00:00.66,0:00:01.33,Caption,,0,0,0,,你好\\N世界\n");
    }

    [Fact]
    public void Captions_LongLine_PreWrappedWithHardBreaks()
    {
        var track = new CaptionTrack("en", [new CaptionCue(0, 30, string.Join(' ', Enumerable.Repeat("word", 20)))]);

        var ass = new AssWriter(Landscape, "F", 30).Captions([track], 30).Build();

        var text = Dialogues(ass).Single().Split(",,")[^1];
        text.Split("\\N").Should().HaveCountGreaterThan(1).And.OnlyContain(l => l.Length <= Landscape.WrapUnits(Landscape.CaptionFont));
    }

    [Fact]
    public void Captions_WrappedChinese_LinesBalancedWithoutAnOrphan()
    {
        var portrait = CaptionLayout.For(new FrameSize(1080, 1920), SafeArea.For(AspectRatio.Portrait));
        var track = new CaptionTrack("zh", [new CaptionCue(0, 30, "黄昏的外滩，万国建筑群次第亮灯")]);

        var text = Dialogues(new AssWriter(portrait, "F", 30).Captions([track], 30).Build()).Single().Split(",,")[^1];

        var lines = text.Split("\\N");
        lines.Should().HaveCount(2);
        Math.Abs(Core.Text.DisplayWidth.Of(lines[0]) - Core.Text.DisplayWidth.Of(lines[1])).Should().BeLessThanOrEqualTo(4, string.Join(" | ", lines));
    }

    [Fact]
    public void Captions_TooLongForThreeLines_SetSmallerUntilTheyFit()
    {
        var track = new CaptionTrack("en", [new CaptionCue(0, 30, string.Join(' ', Enumerable.Repeat("word", 40)))]);

        var text = Dialogues(new AssWriter(Landscape, "F", 30).Captions([track], 30).Build()).Single().Split(",,")[^1];

        text.Should().StartWith("{\\fs");
        var size = int.Parse(text[4..text.IndexOf('}', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        size.Should().BeLessThan(Landscape.CaptionFont);
    }

    [Fact]
    public void Captions_CuesOutsideTheFilm_ClampedOrDropped()
    {
        var track = new CaptionTrack("en", [new CaptionCue(50, 90, "late"), new CaptionCue(70, 80, "after"), new CaptionCue(5, 5, "empty")]);

        var ass = new AssWriter(Landscape, "F", 30).Captions([track], 60).Build();

        Dialogues(ass).Should().Equal("Dialogue: 0,0:00:01.66,0:00:02.00,Caption,,0,0,0,,late");
    }

    [Fact]
    public void Captions_TwoTracks_OneBlockPerStretchFirstLanguageAbove()
    {
        var zh = new CaptionTrack("zh", [new CaptionCue(0, 30, "外滩"), new CaptionCue(30, 60, "豫园")]);
        var en = new CaptionTrack("en", [new CaptionCue(0, 30, "The Bund"), new CaptionCue(40, 60, "Yu Garden")]);

        var ass = new AssWriter(Landscape, "F", 30).Captions([zh, en], 60).Build();

        Dialogues(ass).Should().Equal(
            "Dialogue: 0,0:00:00.00,0:00:01.00,Caption,,0,0,0,,外滩\\N{\\rCaption2}The Bund",
            "Dialogue: 0,0:00:01.00,0:00:01.33,Caption,,0,0,0,,豫园",
            "Dialogue: 0,0:00:01.33,0:00:02.00,Caption,,0,0,0,,豫园\\N{\\rCaption2}Yu Garden");
        ass.Should().Contain("Style: Caption2,F,8,");
    }

    [Theory]
    [InlineData(Corner.TopLeft, 7)]
    [InlineData(Corner.BottomRight, 3)]
    public void Label_InItsCornerOnABoxAtLeastFivePercentTall(Corner corner, int alignment)
    {
        var ass = new AssWriter(Landscape, "F", 30).Label("AI生成", corner, [new FrameSpan(0, 60), new FrameSpan(240, 300)]).Build();

        var style = ass.Split('\n').Single(l => l.StartsWith("Style: Label,", StringComparison.Ordinal)).Split(',');
        int.Parse(style[2], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo((int)Math.Ceiling(180 * 0.05 / 0.64));
        style[15].Should().Be("3", "border style 3 draws a box behind the text");
        style[18].Should().Be(alignment.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Dialogues(ass).Should().Equal(
            "Dialogue: 0,0:00:00.00,0:00:02.00,Label,,0,0,0,,AI生成",
            "Dialogue: 0,0:00:08.00,0:00:10.00,Label,,0,0,0,,AI生成");
    }

    [Fact]
    public void Titles_CentredInTheirOwnStyle()
    {
        var ass = new AssWriter(Landscape, "F", 30).Titles([new CaptionCue(0, 30, "{Day} one")], 30).Build();

        ass.Split('\n').Single(l => l.StartsWith("Style: Title,", StringComparison.Ordinal)).Split(',')[18].Should().Be("5");
        Dialogues(ass).Should().Equal("Dialogue: 0,0:00:00.00,0:00:01.00,Title,,0,0,0,,\\{Day\\} one");
    }

    [Fact]
    public void Build_Window_OnlyTheEventsOnScreenInIt_ClippedAndTimedFromItsFirstFrame()
    {
        var track = new CaptionTrack("en", [new CaptionCue(0, 20, "before"), new CaptionCue(25, 70, "across"), new CaptionCue(75, 90, "inside"), new CaptionCue(120, 150, "after")]);
        var writer = new AssWriter(Landscape, "F", 30).Captions([track], 150);

        var window = writer.Build(new FrameSpan(60, 120));

        window.Should().StartWith(writer.Build()[..writer.Build().IndexOf("[Events]", StringComparison.Ordinal)], "the styles are the film's");
        Dialogues(window).Should().Equal(
            "Dialogue: 0,0:00:00.00,0:00:00.33,Caption,,0,0,0,,across",
            "Dialogue: 0,0:00:00.50,0:00:01.00,Caption,,0,0,0,,inside");
        writer.HasEventsIn(new FrameSpan(90, 120)).Should().BeFalse("\"inside\" ends at frame 90, \"after\" starts at 120");
        window.Should().Be(new AssWriter(Landscape, "F", 30).Captions([new CaptionTrack("en", [new CaptionCue(1025, 1070, "across"), new CaptionCue(1075, 1090, "inside")])], 1200).Build(new FrameSpan(1060, 1120)),
            "the same captions a thousand frames later make the same file");
    }

    private static List<string> Dialogues(string ass) => ass.Split('\n').Where(l => l.StartsWith("Dialogue:", StringComparison.Ordinal)).ToList();
}
