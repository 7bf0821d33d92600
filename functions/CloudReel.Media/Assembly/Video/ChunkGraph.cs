using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Plan;

namespace CloudReel.Media.Assembly.Video;

/// <summary>
/// The FFmpeg command for one stretch of film: each clip of the stretch decoded once and conformed
/// inline, joined with its transitions, then split to every rendition (reframed, burned in, encoded
/// once each) and to the extras. Nothing is written in between: one decode, one encode per rendition.
/// </summary>
internal static class ChunkGraph
{
    /// <param name="timeline">The film.</param>
    /// <param name="inputs">Local files of everything the timeline names.</param>
    /// <param name="chunk">The stretch to render.</param>
    /// <param name="renditions">What to draw on each rendition in this stretch, with the segment file it is encoded to.</param>
    /// <param name="extras">The extras to take from this stretch, if any.</param>
    /// <param name="options">Encoder settings.</param>
    public static IReadOnlyList<string> Arguments(
        FilmTimeline timeline,
        AssemblyInputs inputs,
        FilmChunk chunk,
        IReadOnlyList<(RenditionArt Art, string Segment)> renditions,
        ChunkExtras? extras,
        AssemblyOptions options)
    {
        var graph = new GraphText();
        var parts = new List<JoinPart>();
        foreach (var stretch in chunk.Clips)
        {
            var clip = timeline.Clips[stretch.ClipIndex];
            var skip = TimelineFacts.SourceStart(clip, timeline.Fps) + stretch.Skip;
            // Read no further than the stretch needs: FFmpeg would otherwise decode the rest of the clip.
            var input = graph.AddInput(inputs.Clips[stretch.ClipIndex], "-t", ClipConform.Seconds(skip + stretch.Frames + 2, timeline.Fps));
            var label = graph.Chain(GraphText.Stream(input, 'v'),
                ClipConform.Stretch(timeline.Size, timeline.Fps, skip, stretch.Frames));
            parts.Add(new JoinPart(label, stretch.Frames, stretch.TransitionOut));
        }

        var film = TransitionJoiner.Join(graph, parts, timeline.Fps);
        var (extraFilms, extraLogos) = extras?.Branches ?? (0, 0);
        var films = new Queue<string>(graph.Split(film, renditions.Count + extraFilms));
        var logoCount = renditions.Count(r => r.Art.Logo is not null) + extraLogos;
        var logos = new Queue<string>(logoCount > 0 && inputs.Logo is not null
            ? graph.Split(GraphText.Stream(graph.AddInput(inputs.Logo), 'v'), logoCount)
            : []);

        var outputs = new List<string>();
        foreach (var (art, segment) in renditions)
        {
            var logo = art.Logo is not null && logos.Count > 0 ? logos.Dequeue() : null;
            var picture = RenditionBranch.Build(graph, films.Dequeue(), logo, timeline, art, chunk);
            outputs.AddRange(["-map", $"[{picture}]", .. EncodeArguments.Rendition(timeline.Fps, options), segment]);
        }

        if (extras is not null)
        {
            foreach (var output in ExtrasBranch.Build(graph, films, logos, extras)) outputs.AddRange(output);
        }

        return ["-y", .. graph.InputArguments, "-filter_complex", graph.Graph, .. outputs];
    }
}
