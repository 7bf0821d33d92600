using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;
using CloudReel.Core.Text;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Timeline;

/// <summary>
/// Lays the planned shots and their clips out on the frame grid of the film, with the film's speech
/// as voice-overs and its captions timed to the spoken sentences. Pure, so it may run inside the orchestration.
/// </summary>
public static class TimelineBuilder
{
    public static FilmTimeline Build(string filmId, PlannedFilm plan, IReadOnlyList<ShotOutcome> outcomes, SpokenFilm? speech = null)
    {
        var order = plan.Order;
        var clipsById = outcomes.Where(o => o.Clip is not null).ToDictionary(o => o.ShotId, o => o.Clip!);
        var shots = plan.Shots.Select(s => s.Shot).ToList();
        var frames = shots.Select(s => FramesOf(s.Seconds, order.Fps)).ToArray();
        var overlaps = TransitionFrames(shots, order, frames);

        var clips = shots.Select((shot, i) => new TimelineClip(
            shot.Id,
            StoreLayout.Clip(clipsById[shot.Id].ContentKey),
            SourceInSeconds: 0,
            frames[i],
            i < shots.Count - 1 && overlaps[i] > 0 ? new TimelineTransition(TransitionOf(shot, order).Kind, overlaps[i]) : null,
            clipsById[shot.Id].Probe.HasAudio,
            shot.Focus,
            shot.VoiceOver ?? speech?.For(shot.Id)?.Audio)).ToList();

        var timeline = new FilmTimeline
        {
            FilmId = filmId,
            Title = order.Title,
            OutputName = Slug.From(order.Title),
            Fps = order.Fps,
            Aspect = order.Aspects[0],
            Size = order.Aspects[0].FrameFor(order.Resolution),
            Clips = clips,
            Renditions = TimelinePresentation.Renditions(order),
            Music = order.Music is null ? null : new TimelineMusic(order.Music, order.MusicMix),
            Logo = order.Logo is null ? null : new TimelineLogo(order.Logo, order.LogoPlacement),
            ImplicitLabel = AigcLabel.FirstWrite(AigcLabel.DefaultProducer, filmId),
            CleanMaster = order.CleanMaster,
        };
        var captions = CaptionTracks(timeline, shots, order.Languages, speech);
        return timeline with
        {
            Captions = captions,
            BurnedLanguages = TimelinePresentation.BurnedLanguages(order, captions),
            Titles = ShotSpans(timeline).Select((span, i) => (span, shots[i].Title))
                .Where(t => !string.IsNullOrWhiteSpace(t.Title)).Select(t => new CaptionCue(t.span.Start, t.span.End, t.Title!.Trim())).ToList(),
            Label = order.Label is null ? null : TimelinePresentation.Label(order.Label, order.LabelDisplay, timeline.TotalFrames, order.Fps),
            PosterFrame = TimelinePresentation.PosterFrame(order.Poster, shots, timeline),
        };
    }

    public static int FramesOf(double seconds, int fps) => Math.Max(1, (int)Math.Round(seconds * fps, MidpointRounding.AwayFromZero));

    private static TransitionSpec TransitionOf(ShotSpec shot, FilmOrder order) => shot.Transition ?? order.Transition;

    /// <summary>
    /// Overlap frames between shot i and i+1. A transition never eats a whole clip: each clip keeps
    /// at least one frame of its own, and a transition takes at most half of the clip after it, so
    /// the next transition is left room too. (Validation rejects such orders; this is the safety net.)
    /// </summary>
    private static int[] TransitionFrames(IReadOnlyList<ShotSpec> shots, FilmOrder order, int[] frames)
    {
        var overlaps = new int[Math.Max(0, shots.Count - 1)];
        for (var i = 0; i < overlaps.Length; i++)
        {
            var wanted = (int)Math.Round(TransitionOf(shots[i], order).OverlapSeconds * order.Fps, MidpointRounding.AwayFromZero);
            var incoming = i > 0 ? overlaps[i - 1] : 0;
            overlaps[i] = Math.Clamp(wanted, 0, Math.Min(frames[i] - incoming - 1, (frames[i + 1] - 1) / 2));
        }

        return overlaps;
    }

    /// <summary>
    /// Each shot's caption (and title) runs from the middle of its incoming transition to the middle of its
    /// outgoing one; a shot that speaks a language is captioned in it by its spoken sentences instead, each
    /// cue while its sentence is heard (the voice-over starts where the caption span does).
    /// </summary>
    private static List<CaptionTrack> CaptionTracks(FilmTimeline timeline, IReadOnlyList<ShotSpec> shots, IReadOnlyList<string> languages, SpokenFilm? speech)
    {
        var spans = ShotSpans(timeline);
        var tracks = new List<CaptionTrack>();
        foreach (var language in languages)
        {
            var cues = new List<CaptionCue>();
            for (var i = 0; i < shots.Count; i++)
            {
                var spoken = speech?.For(shots[i].Id)?.Captions.Where(c => c.Language == language).ToList() ?? [];
                if (spoken.Count > 0)
                {
                    cues.AddRange(SpokenCues(spoken, spans[i], timeline.Fps));
                    continue;
                }

                if (!shots[i].Captions.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text)) continue;
                cues.Add(new CaptionCue(spans[i].Start, spans[i].End, text.Trim()));
            }

            if (cues.Count > 0) tracks.Add(new CaptionTrack(language, cues));
        }

        return tracks;
    }

    /// <summary>Spoken cues on the frame grid, kept inside the shot's caption span.</summary>
    private static IEnumerable<CaptionCue> SpokenCues(IReadOnlyList<SpokenCaption> spoken, FrameSpan span, int fps)
    {
        foreach (var caption in spoken)
        {
            var start = Math.Clamp(span.Start + (int)Math.Round(caption.Start * fps, MidpointRounding.AwayFromZero), span.Start, span.End - 1);
            var end = Math.Clamp(span.Start + (int)Math.Round(caption.End * fps, MidpointRounding.AwayFromZero), start + 1, span.End);
            if (caption.Text.Length > 0) yield return new CaptionCue(start, end, caption.Text);
        }
    }

    private static List<FrameSpan> ShotSpans(FilmTimeline timeline)
    {
        var starts = timeline.ClipStartFrames();
        return timeline.Clips.Select((clip, i) =>
        {
            var incoming = i > 0 ? timeline.Clips[i - 1].TransitionOut?.Frames ?? 0 : 0;
            var outgoing = clip.TransitionOut?.Frames ?? 0;
            return new FrameSpan(starts[i] + (incoming / 2), starts[i] + clip.Frames - (outgoing - (outgoing / 2)));
        }).ToList();
    }
}
