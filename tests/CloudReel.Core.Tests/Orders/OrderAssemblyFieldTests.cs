using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>The fields the assembler reads: renditions, loudness, music, logo, label, captions, poster, focus, voice-over, titles.</summary>
public class OrderAssemblyFieldTests
{
    private const string Assembler = """
        title: Shanghai in Clay
        languages: [zh-CN, en]
        aspects: ["16:9", {ratio: "9:16", loudness: broadcast, reframe: blur}, {ratio: "1:1", loudness: -16}]
        reframe: crop
        loudness: streaming
        music: {file: assets/theme.m4a, volume: 0.7, fadeIn: 0.5, fadeOut: 3, loop: false, duck: true}
        logo: {file: assets/logo.png, position: bottom-right, width: 0.1, opacity: 0.6}
        label: {text: AI生成, position: top-left, show: always, seconds: 2.5}
        captionStyle: bilingual
        poster: {shot: yuyuan, at: 1.5}
        cleanMaster: false
        shots:
          - id: bund
            prompt: The Bund at dusk
            focus: {x: 0.25, y: 0.4}
            voiceover: vo/bund.mp3
            title: 上海 Shanghai
          - id: yuyuan
            prompt: Yu Garden lanterns
        """;

    private static FakeOrderFiles Files() => new FakeOrderFiles()
        .With("assets/theme.m4a", 3 * MB).With("assets/logo.png", 40_000).With("vo/bund.mp3", MB);

    [Fact]
    public async Task LoadAsync_EveryAssemblerField_Bound()
    {
        var order = await LoadValidAsync(Assembler, files: Files());

        order.Aspects.Should().Equal(AspectRatio.Landscape, AspectRatio.Portrait, AspectRatio.Square);
        order.LoudnessFor(AspectRatio.Landscape).Should().Be(LoudnessTarget.Streaming);
        order.LoudnessFor(AspectRatio.Portrait).Should().Be(LoudnessTarget.Broadcast);
        order.LoudnessFor(AspectRatio.Square).Should().Be(new LoudnessTarget(-16));
        order.ReframeFor(AspectRatio.Portrait).Should().Be(ReframeMode.Blur);
        order.ReframeFor(AspectRatio.Square).Should().Be(ReframeMode.Crop);
        order.Music.Should().Be("assets/theme.m4a");
        order.MusicMix.Should().Be(new MusicMix(0.7, 0.5, 3, Loop: false, Duck: true));
        order.Logo.Should().Be("assets/logo.png");
        order.LogoPlacement.Should().Be(new LogoPlacement(Corner.BottomRight, 0.1, 0.6));
        order.Label.Should().Be("AI生成");
        order.LabelDisplay.Should().Be(new LabelDisplay(Corner.TopLeft, LabelShow.Always, 2.5));
        order.CaptionStyle.Should().Be(CaptionStyle.Bilingual);
        order.Poster.Should().Be(new PosterChoice("yuyuan", 1.5));
        order.CleanMaster.Should().BeFalse();
        order.Shots[0].Focus.Should().Be(new FocusPoint(0.25, 0.4));
        order.Shots[0].VoiceOver.Should().Be("vo/bund.mp3");
        order.Shots[0].Title.Should().Be("上海 Shanghai");
        order.Shots[1].Focus.Should().BeNull();
        order.ReferencedFiles().Should().Contain(("shots[0].voiceover", "vo/bund.mp3"));
    }

    [Fact]
    public async Task LoadAsync_ShortForms_MeanTheDefaults()
    {
        var order = await LoadValidAsync(Lines(
            "title: T", "music: m.mp3", "logo: l.png", "label: AI生成", "poster: a", "shots:", "  - {id: a, prompt: p, focus: {x: 0.1}}"),
            files: new FakeOrderFiles().With("m.mp3", 10).With("l.png", 10));

        order.MusicMix.Should().Be(MusicMix.Default);
        order.LogoPlacement.Should().Be(LogoPlacement.Default);
        order.LabelDisplay.Should().Be(new LabelDisplay(Corner.TopLeft, LabelShow.StartEnd, 3));
        order.Loudness.Should().Be(LoudnessTarget.Streaming);
        order.Reframe.Should().Be(ReframeMode.Crop);
        order.CaptionStyle.Should().Be(CaptionStyle.Single);
        order.CleanMaster.Should().BeTrue();
        order.Poster.Should().Be(new PosterChoice("a"));
        order.Shots[0].Focus.Should().Be(new FocusPoint(0.1, 0.5));
    }

    [Fact]
    public void MapPaths_VoiceOver_MappedLikeEveryOtherFile()
    {
        var order = new FilmOrder { Title = "T", Shots = [new ShotSpec { Id = "a", Prompt = "p", VoiceOver = "vo.wav" }] };

        order.MapPaths(p => "orders/f/" + p).Shots[0].VoiceOver.Should().Be("orders/f/vo.wav");
    }

    [Theory]
    [InlineData("loudness: -40", "order.yaml:2:11: loudness: must be from -36 to -5 LUFS, found -40")]
    [InlineData("loudness: loud", "order.yaml:2:11: loudness: unknown loudness preset 'loud' (one of: streaming, broadcast)")]
    [InlineData("loudness: true", "order.yaml:2:11: loudness: expected a loudness preset or a number, found true")]
    [InlineData("reframe: blurry", "order.yaml:2:10: reframe: unknown reframe mode 'blurry'; did you mean 'blur'? (one of: crop, blur)")]
    [InlineData("captionStyle: double", "order.yaml:2:15: captionStyle: unknown caption style 'double' (one of: single, bilingual, none)")]
    [InlineData("aspects: ['16:9', {ratio: '16:9', loudness: broadcast}]", "order.yaml:2:19: aspects[1]: '16:9' is already listed (at aspects[0]); list each aspect ratio once")]
    [InlineData("aspects: [{loudness: broadcast}]", "order.yaml:2:11: aspects[0].ratio: missing required field 'ratio': The output aspect ratio.")]
    [InlineData("label: {text: AI, seconds: 1}", "order.yaml:2:28: label.seconds: must be from 2 to 30 seconds, found 1")]
    [InlineData("poster: river", "order.yaml:2:9: poster: there is no shot 'river' (shots: a)")]
    [InlineData("poster: {shot: a, at: 5}", "order.yaml:2:23: poster.at: 5 s is past the end of shot 'a', which lasts 5 s")]
    [InlineData("captionStyle: bilingual", "order.yaml:2:15: captionStyle: bilingual captions show the first two of 'languages', but the order has none; add a second language, e.g. 'languages: [zh-CN, en]'")]
    public async Task LoadAsync_BadAssemblerField_OneClearErrorWithLineAndColumn(string line, string expected)
    {
        var error = await SingleErrorAsync(Lines("title: T", line, "shots:", "  - {id: a, prompt: p}"));

        error.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("focus: {x: 1.5}", "shots[0].focus.x: must be from 0 to 1, found 1.5")]
    [InlineData("focus: {z: 1}", "shots[0].focus.z: unknown field 'z'")]
    [InlineData("title: \"two\\nlines\"", "shots[0].title: 'two\\nlines' is not one line without control characters")]
    [InlineData("voiceover: vo.txt", "shots[0].voiceover: 'vo.txt' is not an audio file: use a .mp3, .m4a, .aac, .wav, .flac or .ogg file")]
    [InlineData("voiceover: vo.mp3", "shots[0].voiceover: file not found: vo.mp3 (relative to the order file)")]
    public async Task LoadAsync_BadShotField_NamesTheShotField(string field, string expected)
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", $"  - {{id: a, prompt: p, {field}}}"));

        error.ToString().Should().Contain(expected);
    }

    [Fact]
    public async Task LoadAsync_MusicFileMissing_PointsAtTheFileField()
    {
        var error = await SingleErrorAsync(Lines("title: T", "music:", "  volume: 0.5", "  file: gone.mp3", "shots:", "  - {id: a, prompt: p}"));

        error.ToString().Should().Be("order.yaml:4:9: music.file: file not found: gone.mp3 (relative to the order file)");
    }

    [Fact]
    public async Task LoadAsync_LabelAndLogoInOneCorner_Rejected()
    {
        var error = await SingleErrorAsync(
            Lines("title: T", "logo: {file: l.png, position: top-left}", "label: AI生成", "shots:", "  - {id: a, prompt: p}"),
            files: new FakeOrderFiles().With("l.png", 10));

        error.ToString().Should().Be("order.yaml:2:31: logo.position: the label and the logo would both sit top-left; put one of them in another corner");
    }
}
