using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using CloudReel.Media.Tests.Support;
using FluentAssertions.Execution;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>Tiny fixture clips made once for all engine tests, and timeline helpers.</summary>
public sealed class EngineFixture : IAsyncLifetime, IDisposable
{
    public TestMedia Media { get; } = new();

    public Dictionary<string, string> Clips { get; } = [];

    public FfmpegMediaEngine Engine { get; private set; } = null!;

    /// <summary>An engine with a normalised-copy cache, the given chunk size and a render cache.</summary>
    public FfmpegMediaEngine EngineWith(INormalisedClipCache? cache = null, int maxClipsPerChunk = 6, RenderCache? renders = null, AssemblyOptions? options = null) =>
        new(Media.Runner, new FfprobeClipProber(Media.Runner), new FontLocator(), NullLogger<FfmpegMediaEngine>.Instance,
            (options ?? new AssemblyOptions()) with { MaxClipsPerChunk = maxClipsPerChunk }, cache, renders);

    public async Task InitializeAsync()
    {
        Engine = new FfmpegMediaEngine(Media.Runner, new FfprobeClipProber(Media.Runner), new FontLocator(), NullLogger<FfmpegMediaEngine>.Instance);
        Clips["red"] = await Media.ColourClipAsync("red.mp4", "red", seconds: 2, audio: true, frequency: 440);
        Clips["green"] = await Media.ColourClipAsync("green.mp4", "lime", seconds: 1.5, audio: true, frequency: 660);
        Clips["blue"] = await Media.ColourClipAsync("blue.mp4", "blue", seconds: 1);
        Clips["yellow"] = await Media.ColourClipAsync("yellow.mp4", "yellow", seconds: 1, audio: true, frequency: 880);
        Clips["grey"] = await Media.ColourClipAsync("grey.mp4", "gray", seconds: 2);
        Clips["pattern"] = await Media.ClipAsync("pattern.mp4", seconds: 1, audio: false);
        Clips["anamorphic"] = await Media.ClipAsync("anamorphic.mp4", width: 640, height: 480, fps: 25, seconds: 1, audio: true, sar: "4/3");
        Clips["square43"] = await Media.ColourClipAsync("square43.mp4", "white", seconds: 1, width: 640, height: 480, fps: 25);
        Clips["redThenBlue"] = await Media.ClipAsync(
            "red-then-blue.mp4", seconds: 2, audio: false,
            source: "color=red:s=320x180:r=30:d=1[a];color=blue:s=320x180:r=30:d=1[b];[a][b]concat=n=2:v=1:a=0");
        Clips["redLeftBlueRight"] = await Media.ClipAsync(
            "red-left-blue-right.mp4", seconds: 2, audio: false,
            source: "color=red:s=160x180:r=30:d=2[a];color=blue:s=160x180:r=30:d=2[b];[a][b]hstack");
        Clips["blurry"] = await Media.ClipAsync("blurry.mp4", seconds: 1, audio: false, source: "testsrc2=s=320x180:r=30:d=1,gblur=sigma=6");
        Clips["music"] = await Media.ToneAsync("music.m4a", 220, seconds: 1.5, volume: 0.3);
        Clips["voice"] = await Media.ToneAsync("voice.wav", 1000, seconds: 1.2, volume: 0.5);
        Clips["logo"] = await Media.LogoAsync("logo.png");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Media.Dispose();

    public static FilmTimeline Timeline(params TimelineClip[] clips) => new()
    {
        FilmId = "film-1",
        Title = "Test film",
        OutputName = "film",
        Fps = 30,
        Aspect = AspectRatio.Landscape,
        Size = new FrameSize(320, 180),
        Clips = clips,
    };

    public static TimelineClip Clip(string name, int frames, TimelineTransition? next = null, bool audio = false, double sourceIn = 0) =>
        new($"shot-{name}", name, sourceIn, frames, next, audio);

    public static TimelineTransition Transition(TransitionKind kind, int frames) => new(kind, frames);

    /// <summary>16:9 at 320x180 (crop), 9:16 at 180x320 and 1:1 at 180x180, each reframed and loud as given.</summary>
    public static TimelineRendition Rendition(AspectRatio aspect, ReframeMode reframe = ReframeMode.Crop, double lufs = -14) =>
        new(aspect, aspect.FrameFor(180), reframe, lufs, SafeArea.For(aspect));

    /// <summary>A fresh output folder for one assembly.</summary>
    public string OutputFolder()
    {
        var folder = Media.PathOf("out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Each channel of <paramref name="colour"/> within <paramref name="tolerance"/> of <paramref name="expected"/>; a failure names the channel, both colours and why.</summary>
    public static void ShouldBeNear((double R, double G, double B) colour, (int R, int G, int B) expected, double tolerance = 30, string because = "")
    {
        var what = $"the colour {Describe(colour)} should be within {tolerance} of {expected} per channel{(because.Length > 0 ? ": " + because : "")}";
        using (new AssertionScope(what))
        {
            colour.R.Should().BeApproximately(expected.R, tolerance, "red of {0}", what);
            colour.G.Should().BeApproximately(expected.G, tolerance, "green of {0}", what);
            colour.B.Should().BeApproximately(expected.B, tolerance, "blue of {0}", what);
        }
    }

    private static string Describe((double R, double G, double B) colour) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({colour.R:0.#}, {colour.G:0.#}, {colour.B:0.#})");
}
