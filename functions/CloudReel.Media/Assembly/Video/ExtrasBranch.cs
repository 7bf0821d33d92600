using CloudReel.Media.Assembly.Plan;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Video;

/// <summary>
/// What the extras take from the film while it is decoded anyway: one frame per shot for the
/// contact sheet (and as poster candidates, with a blur score each), or the poster frame the order chose.
/// </summary>
/// <param name="ShotFrames">One film frame per shot, in film order.</param>
/// <param name="PosterFrame">The chosen poster frame, or null to pick the sharpest shot frame.</param>
/// <param name="Folder">Where thumbnails, candidates, blur scores and the poster go.</param>
/// <param name="PosterAss">The label alone, for images (it spans all time).</param>
/// <param name="PosterLogo">The logo at the master's size.</param>
internal sealed record ExtrasPlan(IReadOnlyList<int> ShotFrames, int? PosterFrame, string Folder, string? PosterAss, LogoArt? PosterLogo)
{
    public const int ThumbnailSide = 320;

    public string Thumbnails => Path.Combine(Folder, "thumb-%04d.jpg");

    public string Candidates => Path.Combine(Folder, "cand-%04d.jpg");

    public string Poster => Path.Combine(Folder, "poster.jpg");

    public string BlurLog(int chunk) => Path.Combine(Folder, $"blur-{chunk:D3}.txt");

    /// <summary>How many branches of the film and of the logo a chunk needs for its extras.</summary>
    public (int Film, int Logo) BranchesFor(FilmChunk chunk)
    {
        var shots = ShotFrames.Any(f => f >= chunk.StartFrame && f < chunk.EndFrame) ? 1 : 0;
        var poster = PosterFrame is { } p && p >= chunk.StartFrame && p < chunk.EndFrame ? 1 : 0;
        var logo = PosterLogo is null ? 0 : (PosterFrame is null ? shots : poster);
        return (shots + poster, logo);
    }
}

/// <summary>Adds a chunk's extras to its graph and returns the outputs (each a -map and its muxer options).</summary>
internal static class ExtrasBranch
{
    public static IReadOnlyList<IReadOnlyList<string>> Build(GraphText graph, Queue<string> films, Queue<string> logos, ExtrasPlan plan, FilmChunk chunk, int chunkIndex)
    {
        var outputs = new List<IReadOnlyList<string>>();
        var inChunk = plan.ShotFrames.Select((frame, shot) => (frame, shot)).Where(s => s.frame >= chunk.StartFrame && s.frame < chunk.EndFrame).ToList();
        if (inChunk.Count > 0)
        {
            var selected = graph.Chain(films.Dequeue(), Select(inChunk.Select(s => s.frame - chunk.StartFrame)));
            var branches = graph.Split(selected, plan.PosterFrame is null ? 2 : 1);
            var side = Number(ExtrasPlan.ThumbnailSide);
            var thumbs = graph.Chain(branches[0], $"scale='if(gte(iw,ih),{side},-2)':'if(gte(iw,ih),-2,{side})'");
            outputs.Add(Images(thumbs, plan.Thumbnails, inChunk[0].shot, quality: 3));
            if (plan.PosterFrame is null)
            {
                var scored = graph.Chain(branches[1], $"blurdetect,metadata=mode=print:file={OptionValue(plan.BlurLog(chunkIndex))}");
                outputs.Add(Images(Decorate(graph, scored, logos, plan), plan.Candidates, inChunk[0].shot, quality: 2));
            }
        }

        if (plan.PosterFrame is { } poster && poster >= chunk.StartFrame && poster < chunk.EndFrame)
        {
            var frame = graph.Chain(films.Dequeue(), Select([poster - chunk.StartFrame]));
            outputs.Add(["-map", $"[{Decorate(graph, frame, logos, plan)}]", "-frames:v", "1", "-q:v", "2", "-update", "1", "-f", "image2", plan.Poster]);
        }

        return outputs;
    }

    private static string Select(IEnumerable<int> frames) => $"select='{string.Join("+", frames.Select(f => $"eq(n\\,{Number(f)})"))}'";

    /// <summary>The label and logo drawn on a still, as the labelling rules ask of images too.</summary>
    private static string Decorate(GraphText graph, string frame, Queue<string> logos, ExtrasPlan plan)
    {
        if (plan.PosterAss is not null) frame = graph.Chain(frame, $"subtitles=filename={OptionValue(plan.PosterAss)}");
        if (plan.PosterLogo is { } mark)
        {
            var sized = graph.Chain(logos.Dequeue(), $"scale={Number(mark.Width)}:{Number(mark.Height)},format=rgba,colorchannelmixer=aa={Number(mark.Opacity)}");
            frame = graph.Chain([frame, sized], $"overlay=x={Number(mark.X)}:y={Number(mark.Y)}:format=auto");
        }

        return graph.Chain(frame, "format=yuvj420p");
    }

    private static IReadOnlyList<string> Images(string label, string pattern, int startNumber, int quality) =>
        ["-map", $"[{label}]", "-fps_mode", "passthrough", "-start_number", Number(startNumber), "-q:v", Number(quality), "-f", "image2", pattern];
}
