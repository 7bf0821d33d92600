using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;

namespace CloudReel.Bench.Assembly;

/// <summary>The benchmark's film: N shots of 5 s crossfading over 0.5 s, bilingual captions, music ducked under the clips' sound, 16:9 and 9:16.</summary>
internal static class BenchFilm
{
    public const int Fps = 30;
    public const int ShotFrames = 150;
    public const int FadeFrames = 15;

    public static FilmTimeline Timeline(IReadOnlyList<string> clips, bool cleanMaster)
    {
        var shots = clips.Select((clip, i) => new TimelineClip(
            $"shot-{i}", clip, 0, ShotFrames, i < clips.Count - 1 ? new TimelineTransition(TransitionKind.Crossfade, FadeFrames) : null, HasAudio: true)).ToList();
        var timeline = new FilmTimeline
        {
            FilmId = "bench",
            Title = "Benchmark",
            OutputName = "bench",
            Fps = Fps,
            Aspect = AspectRatio.Landscape,
            Size = new FrameSize(1920, 1080),
            Clips = shots,
            Renditions =
            [
                new TimelineRendition(AspectRatio.Landscape, new FrameSize(1920, 1080), ReframeMode.Crop, -14, SafeArea.For(AspectRatio.Landscape)),
                new TimelineRendition(AspectRatio.Portrait, new FrameSize(1080, 1920), ReframeMode.Crop, -14, SafeArea.For(AspectRatio.Portrait)),
            ],
            BurnedLanguages = ["zh-CN", "en"],
            Music = new TimelineMusic("music", MusicMix.Default),
            CleanMaster = cleanMaster,
        };
        var starts = timeline.ClipStartFrames();
        return timeline with
        {
            Captions =
            [
                new CaptionTrack("zh-CN", shots.Select((_, i) => new CaptionCue(starts[i] + 8, starts[i] + ShotFrames - 8, $"第{i + 1}个镜头：黄昏的外滩，万国建筑群次第亮灯")).ToList()),
                new CaptionTrack("en", shots.Select((_, i) => new CaptionCue(starts[i] + 8, starts[i] + ShotFrames - 8, $"Shot {i + 1}: dusk on the Bund, the old facades lighting up")).ToList()),
            ],
        };
    }
}
