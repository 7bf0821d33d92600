using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Extras;
using CloudReel.Media.Probing;

namespace CloudReel.Media.Drafts;

/// <summary>A media file for the draft: where it is now and what ffprobe says of it.</summary>
internal sealed record DraftSource(string Path, StreamSummary Streams);

/// <summary>The media of one film for its drafts: clips in timeline order, the music, voice-overs by clip index.</summary>
internal sealed record DraftSources(IReadOnlyList<DraftSource> Clips, DraftSource? Music, IReadOnlyDictionary<int, DraftSource> VoiceOvers);

/// <summary>
/// Lays a film's timeline out as a draft: the clips end to end on the main video track with the
/// editor's transitions at the cuts (<see cref="EditCuts"/>), the music (looped and faded as ordered)
/// and the voice-overs on audio tracks of their own, captions on one text track per language and the
/// titles on another. Times are microseconds: each piece starts and ends at its frame's time, so the
/// pieces add up to the film's length exactly.
/// </summary>
internal sealed class DraftBuilder(FilmTimeline timeline, DraftSources sources, DraftIds ids)
{
    private const int TextRenderIndex = 14000;
    private const double CaptionSize = 7;
    private const double TitleSize = 12;

    private readonly List<DraftMedia> _media = [];
    private readonly List<DraftText> _texts = [];
    private readonly List<DraftTransition> _transitions = [];
    private readonly List<DraftFade> _fades = [];
    private readonly List<string> _speeds = [];

    public DraftProject Build()
    {
        var tracks = new List<DraftTrack> { VideoTrack() };
        if (timeline.Music is { } music && sources.Music is { } musicSource) tracks.Add(MusicTrack(music, musicSource));
        if (sources.VoiceOvers.Count > 0) tracks.Add(VoiceTrack());
        for (var i = 0; i < timeline.Captions.Count; i++) tracks.Add(CaptionTrack(timeline.Captions[i], i));
        if (timeline.Titles.Count > 0) tracks.Add(TextTrack("titles", "titles", TextRenderIndex + timeline.Captions.Count, timeline.Titles, TitleSize, 0));
        return new DraftProject
        {
            DraftId = ids.For("draft"),
            Name = timeline.Title,
            FolderName = timeline.OutputName,
            Width = timeline.Size.Width,
            Height = timeline.Size.Height,
            Fps = timeline.Fps,
            DurationUs = Us(timeline.TotalFrames),
            Media = _media,
            Texts = _texts,
            Transitions = _transitions,
            Fades = _fades,
            Speeds = _speeds,
            Tracks = tracks,
        };
    }

    /// <summary>The film's time of a frame, in microseconds.</summary>
    public long Us(int frame) => (long)Math.Round(frame * 1_000_000.0 / timeline.Fps, MidpointRounding.AwayFromZero);

    private DraftTrack VideoTrack()
    {
        var cuts = EditCuts.Of(timeline);
        var segments = new List<DraftSegment>();
        var byClip = new Dictionary<string, DraftMedia>(StringComparer.Ordinal);
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            if (!byClip.TryGetValue(clip.ClipName, out var material))
            {
                var source = sources.Clips[i];
                material = AddMedia(DraftMediaKind.Video, clip.ShotId, $"{byClip.Count + 1:D2}-{clip.ShotId}{Extension(source.Path, ".mp4")}", source);
                byClip[clip.ClipName] = material;
            }
            var refs = new List<string> { Speed($"video/{i}") };
            if (cuts[i].TransitionFrames > 0)
            {
                var transition = new DraftTransition(ids.For($"transition/{i}"), clip.TransitionOut!.Kind, Us(cuts[i].TransitionFrames));
                _transitions.Add(transition);
                refs.Add(transition.Id);
            }
            var start = Us(cuts[i].FilmStart);
            segments.Add(new DraftSegment(ids.For($"video/{i}"), material.Id, start, Us(cuts[i].FilmStart + cuts[i].Frames) - start, Us(cuts[i].SourceStart), 1.0, refs));
        }
        return new DraftTrack(ids.For("track/video"), "video", "", 0, segments);
    }

    /// <summary>The music from the start, looped while the film runs when it loops, faded in on its first piece and out on its last.</summary>
    private DraftTrack MusicTrack(TimelineMusic music, DraftSource source)
    {
        var material = AddMedia(DraftMediaKind.Audio, "music", "music" + Extension(source.Path, ".m4a"), source);
        var film = Us(timeline.TotalFrames);
        var length = Math.Max(1, material.DurationUs);
        var pieces = new List<(long Start, long Duration)>();
        for (var start = 0L; start < film && (music.Mix.Loop || start == 0); start += length) pieces.Add((start, Math.Min(length, film - start)));
        var segments = new List<DraftSegment>();
        for (var p = 0; p < pieces.Count; p++)
        {
            var refs = new List<string> { Speed($"music/{p}") };
            var fadeIn = p == 0 ? Math.Min(Seconds(music.Mix.FadeInSeconds), pieces[p].Duration) : 0;
            var fadeOut = p == pieces.Count - 1 ? Math.Min(Seconds(music.Mix.FadeOutSeconds), pieces[p].Duration) : 0;
            if (fadeIn > 0 || fadeOut > 0)
            {
                var fade = new DraftFade(ids.For($"fade/{p}"), fadeIn, fadeOut);
                _fades.Add(fade);
                refs.Add(fade.Id);
            }
            segments.Add(new DraftSegment(ids.For($"music/{p}"), material.Id, pieces[p].Start, pieces[p].Duration, 0, music.Mix.Volume, refs));
        }
        return new DraftTrack(ids.For("track/music"), "audio", "music", 0, segments);
    }

    /// <summary>Each voice-over from the moment its shot is alone on screen, until it ends, the next one starts or the film ends.</summary>
    private DraftTrack VoiceTrack()
    {
        var film = Us(timeline.TotalFrames);
        var starts = sources.VoiceOvers.Keys.Order().Select(i => (Clip: i, Start: Us(TimelineFacts.AloneFrom(timeline, i)))).ToList();
        var segments = new List<DraftSegment>();
        for (var v = 0; v < starts.Count; v++)
        {
            var (clip, start) = starts[v];
            var source = sources.VoiceOvers[clip];
            var material = AddMedia(DraftMediaKind.Audio, $"voice {timeline.Clips[clip].ShotId}", $"voice-{clip + 1:D2}{Extension(source.Path, ".wav")}", source);
            var limit = v + 1 < starts.Count ? starts[v + 1].Start : film;
            var duration = Math.Min(material.DurationUs, limit - start);
            if (duration <= 0) continue;
            segments.Add(new DraftSegment(ids.For($"voice/{clip}"), material.Id, start, duration, 0, 1.0, [Speed($"voice/{clip}")]));
        }
        return new DraftTrack(ids.For("track/voice"), "audio", "voice", 0, segments);
    }

    /// <summary>Each language on its own track; the first language highest, the others stacked under it at the bottom.</summary>
    private DraftTrack CaptionTrack(CaptionTrack captions, int index)
    {
        var y = -0.8 + (0.13 * (timeline.Captions.Count - 1 - index));
        return TextTrack($"captions/{captions.Language}", $"captions {captions.Language}", TextRenderIndex + index, captions.Cues, CaptionSize, y);
    }

    private DraftTrack TextTrack(string role, string name, int renderIndex, IReadOnlyList<CaptionCue> cues, double size, double y)
    {
        var segments = new List<DraftSegment>();
        for (var c = 0; c < cues.Count; c++)
        {
            var text = new DraftText(ids.For($"{role}/text/{c}"), cues[c].Text, size);
            _texts.Add(text);
            var start = Us(cues[c].StartFrame);
            var end = Us(Math.Min(cues[c].EndFrame, timeline.TotalFrames));
            if (end <= start) continue;
            segments.Add(new DraftSegment(ids.For($"{role}/{c}"), text.Id, start, end - start, null, 1.0, []) { TextY = y });
        }
        return new DraftTrack(ids.For("track/" + role), "text", name, renderIndex, segments);
    }

    private DraftMedia AddMedia(DraftMediaKind kind, string name, string fileName, DraftSource source)
    {
        var media = new DraftMedia(ids.For("media/" + fileName), kind, name, fileName, source.Path, (long)Math.Round(source.Streams.Duration * 1_000_000),
            source.Streams.Width, source.Streams.Height, source.Streams.HasAudio);
        _media.Add(media);
        return media;
    }

    private string Speed(string role)
    {
        var id = ids.For("speed/" + role);
        _speeds.Add(id);
        return id;
    }

    private static long Seconds(double seconds) => (long)Math.Round(seconds * 1_000_000);

    private static string Extension(string path, string fallback)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension.Length is > 1 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : fallback;
    }
}
