using CloudReel.Core.Orders;

namespace CloudReel.Core.Timeline;

/// <summary>The parts of a timeline that come from the order's presentation: renditions, burned captions, the label, the poster.</summary>
internal static class TimelinePresentation
{
    public static IReadOnlyList<TimelineRendition> Renditions(FilmOrder order) => order.Aspects
        .Select(aspect => new TimelineRendition(
            aspect,
            aspect.FrameFor(order.Resolution),
            order.ReframeFor(aspect),
            order.LoudnessFor(aspect).Lufs,
            SafeArea.For(aspect)))
        .ToList();

    /// <summary>The languages burned in, in the order's order, among those that have captions.</summary>
    public static IReadOnlyList<string> BurnedLanguages(FilmOrder order, IReadOnlyList<CaptionTrack> captions)
    {
        var count = order.CaptionStyle switch
        {
            CaptionStyle.Single => 1,
            CaptionStyle.Bilingual => 2,
            _ => 0,
        };
        return order.Languages.Take(count).Where(language => captions.Any(t => t.Language == language)).ToList();
    }

    /// <summary>
    /// The label's spans. It always opens the film, for at least two seconds (GB 45438-2025 §5.4: at
    /// the start of the video, no less than 2 s at normal speed); it may come back at the end or stay
    /// throughout, as the order asks.
    /// </summary>
    public static TimelineLabel Label(string text, LabelDisplay display, int totalFrames, int fps)
    {
        var frames = Math.Min(totalFrames, (int)Math.Ceiling(Math.Max(display.Seconds, LabelDisplay.MinSeconds) * fps));
        List<FrameSpan> spans = display.Show switch
        {
            LabelShow.Always => [new FrameSpan(0, totalFrames)],
            LabelShow.StartEnd when totalFrames - frames > frames => [new FrameSpan(0, frames), new FrameSpan(totalFrames - frames, totalFrames)],
            LabelShow.StartEnd => [new FrameSpan(0, totalFrames)],
            _ => [new FrameSpan(0, frames)],
        };
        return new TimelineLabel(text, display.Position, spans);
    }

    /// <summary>The film frame of the poster the order chose, or null to let the assembler pick the sharpest.</summary>
    public static int? PosterFrame(PosterChoice? poster, IReadOnlyList<ShotSpec> shots, FilmTimeline timeline)
    {
        if (poster is null) return null;
        var index = shots.ToList().FindIndex(s => s.Id == poster.ShotId);
        if (index < 0) return null;
        var clip = timeline.Clips[index];
        var at = poster.AtSeconds is { } seconds ? (int)Math.Round(seconds * timeline.Fps) : clip.Frames / 2;
        return timeline.ClipStartFrames()[index] + Math.Clamp(at, 0, clip.Frames - 1);
    }
}
