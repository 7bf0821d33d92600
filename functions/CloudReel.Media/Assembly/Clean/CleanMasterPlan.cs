using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Clean;

/// <summary>A clip's normalised copy: the file and how many frames it holds.</summary>
internal sealed record NormalisedCopy(string Path, int Frames);

/// <summary>One piece of the clean master, in film order: copied from a normalised copy, or re-encoded.</summary>
internal abstract record CleanPiece(int FilmStart, int Frames);

/// <summary>Source frames [<see cref="SourceStart"/>, +Frames) of clip <see cref="ClipIndex"/>'s copy; SourceStart is a keyframe.</summary>
internal sealed record CopyPiece(int FilmStart, int Frames, int ClipIndex, int SourceStart) : CleanPiece(FilmStart, Frames);

/// <summary>Film frames re-encoded: transitions, and the frames up to a shot's first keyframe.</summary>
internal sealed record RenderPiece(int FilmStart, int Frames) : CleanPiece(FilmStart, Frames);

/// <summary>
/// Plans the clean master's fast path: every shot's body (between its transitions) is copied from
/// its normalised copy, from the first keyframe on, without decoding; only what a copy cannot give
/// is re-encoded: the transition windows, the few frames before a body's first keyframe, and any
/// padding past a short source's end.
/// </summary>
internal static class CleanMasterPlan
{
    public static IReadOnlyList<CleanPiece> Plan(FilmTimeline timeline, IReadOnlyList<NormalisedCopy> copies, int gop)
    {
        var starts = timeline.ClipStartFrames();
        var copied = new List<CopyPiece>();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var (head, tail) = (TimelineFacts.Incoming(timeline, i), TimelineFacts.Outgoing(timeline, i));
            var sourceFrom = TimelineFacts.SourceStart(clip, timeline.Fps) + head;
            var sourceTo = Math.Min(sourceFrom + clip.Frames - head - tail, copies[i].Frames);
            var keyframe = (sourceFrom + gop - 1) / gop * gop;
            if (keyframe < sourceTo) copied.Add(new CopyPiece(starts[i] + head + keyframe - sourceFrom, sourceTo - keyframe, i, keyframe));
        }

        var pieces = new List<CleanPiece>();
        var film = 0;
        foreach (var copy in copied)
        {
            if (copy.FilmStart > film) pieces.Add(new RenderPiece(film, copy.FilmStart - film));
            pieces.Add(copy);
            film = copy.FilmStart + copy.Frames;
        }

        if (film < timeline.TotalFrames) pieces.Add(new RenderPiece(film, timeline.TotalFrames - film));
        return pieces;
    }
}
