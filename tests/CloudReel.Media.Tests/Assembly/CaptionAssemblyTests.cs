using CloudReel.Core.Timeline;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

public sealed class CaptionAssemblyTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int X, int Y, int W, int H) Bottom = (0, 135, 320, 45);
    private static readonly (int X, int Y, int W, int H) Top = (0, 0, 320, 45);

    private const string Hostile =
        "He said \"stop\" & 'go': C:\\path\\N {\\an8}{\\fs80}braces} [x] a;b, 100% <b>tag</b> --> %{pts}\n" +
        "第二行：中文字幕，“引号”测试\n" +
        "a very long line that goes on and on and on well past the width of the picture so that it must be wrapped by the wrapper";

    [Fact]
    public async Task AssembleAsync_CaptionTracks_WritesExactSrtAndVtt()
    {
        var timeline = Timeline(Clip("grey", 60)) with
        {
            Captions =
            [
                new CaptionTrack("en", [new CaptionCue(0, 45, "Morning on the Bund"), new CaptionCue(10, 59, "Two lines\nof text & <more>")]),
                new CaptionTrack("zh-Hans", [new CaptionCue(1, 30, "清晨的外滩")]),
            ],
        };
        var output = fixture.OutputFolder();

        var result = await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        result.Files.Should().Equal("film.16x9.mp4", "film.en.srt", "film.en.vtt", "film.zh-Hans.srt", "film.zh-Hans.vtt", "poster.jpg", "contact-sheet.jpg", "timeline.otio", "film.jianying.zip", "film.capcut.zip");
        (await File.ReadAllTextAsync(Path.Combine(output, "film.en.srt"))).Should().Be(
            "1\n00:00:00,000 --> 00:00:01,500\nMorning on the Bund\n\n" +
            "2\n00:00:00,333 --> 00:00:01,967\nTwo lines\nof text & <\u2060more>\n\n",
            "a player reads no tag in the .srt: a word joiner follows each '<'");
        (await File.ReadAllTextAsync(Path.Combine(output, "film.en.vtt"))).Should().Be(
            "WEBVTT\n\n" +
            "1\n00:00:00.000 --> 00:00:01.500\nMorning on the Bund\n\n" +
            "2\n00:00:00.333 --> 00:00:01.967\nTwo lines\nof text &amp; &lt;more&gt;\n\n");
        (await File.ReadAllTextAsync(Path.Combine(output, "film.zh-Hans.srt"))).Should().Be(
            "1\n00:00:00,033 --> 00:00:01,000\n清晨的外滩\n\n");
    }

    [Fact]
    public async Task AssembleAsync_BurnedCaption_ChangesTheBottomOnlyDuringItsCue()
    {
        var timeline = Timeline(Clip("grey", 60)) with
        {
            Captions = [new CaptionTrack("zh", [new CaptionCue(20, 40, "字幕 Caption")])],
            BurnedLanguages = ["zh"],
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        foreach (var frame in new[] { 0, 19, 40, 59 })
        {
            (await Marked(film, frame, Bottom)).Should().BeLessThan(5, $"frame {frame} is outside the cue");
        }

        foreach (var frame in new[] { 20, 30, 39 })
        {
            (await Marked(film, frame, Bottom)).Should().BeGreaterThan(50, $"frame {frame} is inside the cue");
            (await Marked(film, frame, Top)).Should().BeLessThan(5, $"frame {frame} has nothing at the top");
        }
    }

    [Fact]
    public async Task AssembleAsync_HostileCaptionText_BurnsLiterallyAndSrtKeepsItInert()
    {
        var timeline = Timeline(Clip("grey", 45)) with
        {
            Captions = [new CaptionTrack("en", [new CaptionCue(0, 45, Hostile)])],
            BurnedLanguages = ["en"],
        };
        var output = fixture.OutputFolder();

        await fixture.Engine.AssembleAsync(timeline, fixture.Clips, output);

        var film = Path.Combine(output, "film.16x9.mp4");
        (await fixture.Media.StreamsAsync(film)).Single(s => s.Type == "video").Frames.Should().Be(45);
        // {\an8} would move the caption to the top and {\fs80} would blow it up if libass obeyed them.
        (await Marked(film, 20, Bottom)).Should().BeGreaterThan(50);
        (await Marked(film, 20, Top)).Should().BeLessThan(5);
        // In the .srt, the same text a player cannot read as tags or override blocks: a word joiner after
        // every '<' and '\\', and braces full-width.
        (await File.ReadAllTextAsync(Path.Combine(output, "film.en.srt"))).Should().Be(
            "1\n00:00:00,000 --> 00:00:01,500\n" +
            Hostile.Replace("<", "<\u2060", StringComparison.Ordinal).Replace("\\", "\\\u2060", StringComparison.Ordinal)
                .Replace('{', '\uFF5B').Replace('}', '\uFF5D') + "\n\n");
    }

    /// <summary>Pixels that differ clearly from the grey background.</summary>
    private async Task<int> Marked(string film, int frame, (int X, int Y, int W, int H) region)
    {
        var rgb = await fixture.Media.FrameRgbAsync(film, frame, region);
        var count = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            if (Math.Abs(rgb[i] - 128) + Math.Abs(rgb[i + 1] - 128) + Math.Abs(rgb[i + 2] - 128) > 90) count++;
        }

        return count;
    }
}
