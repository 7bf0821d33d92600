using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>A narrated order rendered by the cloudreel command with espeak-ng: spoken, captioned on the speech, loud as ordered, spoken once, and a 'seconds: auto' shot as long as its speech.</summary>
public sealed partial class NarratedRenderTests : IDisposable
{
    private const string Narrated = """
        title: Tiny Narrated Shanghai
        languages: [zh-CN, en]
        resolution: 180p
        model: animatic
        music: theme.m4a
        transition: cut
        shots:
          - id: bund
            prompt: The Bund at dusk
            seconds: 4
            narration: {zh-CN: 外滩的黄昏。灯亮了。, en: Dusk on the Bund. The lights come on.}
          - id: river
            prompt: A boat on Suzhou River
            seconds: auto
            narration: {zh-CN: 苏州河上的船。, en: A boat on Suzhou River.}
        """;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Render_NarratedOrderTwice_SpeaksCaptionsOnTheSpeechAndSynthesisesNothingTheSecondTime()
    {
        await MediaFiles.ToneAsync(Path.Combine(_workspace.Root, "theme.m4a"), 220, 3);
        var order = _workspace.Write("order.yaml", Narrated);

        var first = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        var second = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        Report(first.FilmId).Speech.Should().BeEquivalentTo(new { Provider = "espeak", LinesSynthesised = 2, LinesCached = 0, Cost = 0m });
        Report(second.FilmId).Speech.Should().BeEquivalentTo(new { LinesSynthesised = 0, LinesCached = 2 }, "an unchanged line is never synthesised twice");

        var folder = _workspace.FilmFolder(first.FilmId);
        var zh = Cues(Path.Combine(folder, "tiny-narrated-shanghai.zh-CN.srt"));
        var en = Cues(Path.Combine(folder, "tiny-narrated-shanghai.en.srt"));
        zh.Select(c => c.Text).Should().Equal("外滩的黄昏。", "灯亮了。", "苏州河上的船。");
        en.Select(c => c.Text).Should().Equal("Dusk on the Bund.", "The lights come on.", "A boat on Suzhou River.");
        en.Select(c => (c.Start, c.End)).Should().Equal(zh.Select(c => (c.Start, c.End)), "the English captions follow the spoken cues");
        zh[0].Start.Should().BeInRange(0.2, 0.35, "after the 0.25 s lead-in");
        zh[1].Start.Should().BeApproximately(zh[0].End, 0.05, "the second sentence follows the first");
        zh[1].End.Should().BeLessThanOrEqualTo(4.0);
        zh[2].Start.Should().BeInRange(4.2, 4.35, "the second shot's line starts after its lead-in");
        // 'seconds: auto': the measured voice-over (lead-in and line) and 0.25 s after it, to the tenth above (the animatic makes any length).
        var river = Math.Ceiling(((zh[2].End - 4.0 + 0.25) * 10) - 0.02) / 10;
        var film = await Probe.StreamsAsync(Path.Combine(folder, "tiny-narrated-shanghai.16x9.mp4"));
        film.VideoSeconds.Should().BeApproximately(4 + river, 0.05);
        Report(second.FilmId).Shots.FromCache.Should().Be(2, "the same speech gives the auto shot the same length, so the same clip");
        (await MediaFiles.LoudnessAsync(Path.Combine(folder, "tiny-narrated-shanghai.16x9.mp4"))).Should().BeInRange(-15, -13);
    }

    [Fact]
    public async Task Render_VoiceEspeakLacks_IsRefusedAtItsLineWithDidYouMean_BeforeAnythingIsMade()
    {
        var order = _workspace.Write("order.yaml", Narrated.Replace("languages: [zh-CN, en]", "languages: [zh-CN, en]\nvoice: {voices: {zh-CN: cnm}}", StringComparison.Ordinal));

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("order.yaml:3:25: voice.voices.zh-CN: espeak has no voice 'cnm'").And.Contain("did you mean 'cmn'");
        Directory.Exists(_workspace.Out).Should().BeFalse("nothing is spoken or rendered from an invalid order");
    }

    [Fact]
    public async Task Validate_NarratedSample_IsAccepted()
    {
        var result = await _workspace.Cli.RunAsync("validate", Path.Combine(Workspace.RepositoryRoot, "samples", "shanghai-clay", "narrated.yaml"));

        result.ExitCode.Should().Be(0, result.ToString());
    }

    private FilmReport Report(string filmId) =>
        JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(_workspace.FilmFolder(filmId), "report.json")), WorkflowJson.Options)!;

    private static List<(double Start, double End, string Text)> Cues(string srt) => SrtCue().Matches(File.ReadAllText(srt))
        .Select(m => (Seconds(m.Groups[1].Value), Seconds(m.Groups[2].Value), m.Groups[3].Value.Trim())).ToList();

    private static double Seconds(string time) => TimeSpan.ParseExact(time, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture).TotalSeconds;

    [GeneratedRegex(@"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)\r?\n(.+?)\r?\n(?:\r?\n|$)", RegexOptions.Singleline)]
    private static partial Regex SrtCue();
}
