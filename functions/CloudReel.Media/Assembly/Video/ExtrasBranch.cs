using CloudReel.Media.Assembly.Plan;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Video;

/// <summary>
/// What the extras take from the film while it is decoded anyway: one frame per shot for the
/// contact sheet (and as poster candidates, with a blur score each), or the poster frame the order chose.
/// </summary>
/// <param name="ShotFrames">One film frame per shot, in film order.</param>
/// <param name="PosterFrame">The chosen poster frame, or null to pick the sharpest shot frame.</param>
/// <param name="Folder">Where the film's thumbnails, candidates and poster go.</param>
/// <param name="PosterAss">The label alone, for images (it spans all time).</param>
/// <param name="PosterLogo">The logo at the master's size.</param>
internal sealed record ExtrasPlan(IReadOnlyList<int> ShotFrames, int? PosterFrame, string Folder, string? PosterAss, LogoArt? PosterLogo)
{
    public const int ThumbnailSide = 320;

    /// <summary>The thumbnails, one per shot, numbered from 0 (the contact sheet's input).</summary>
    public string Thumbnails => Path.Combine(Folder, "thumb-%04d.jpg");

    public string Poster => Path.Combine(Folder, "poster.jpg");

    public string Thumbnail(int shot) => Path.Combine(Folder, $"thumb-{shot:D4}.jpg");

    public string Candidate(int shot) => Path.Combine(Folder, $"cand-{shot:D4}.jpg");

    /// <summary>What <paramref name="chunk"/> gives the extras, written to <paramref name="folder"/>; null when it gives nothing.</summary>
    public ChunkExtras? For(FilmChunk chunk, string folder)
    {
        var shots = ShotFrames.Select((frame, shot) => (frame, shot)).Where(s => s.frame >= chunk.StartFrame && s.frame < chunk.EndFrame).ToList();
        int? poster = PosterFrame is { } p && p >= chunk.StartFrame && p < chunk.EndFrame ? p - chunk.StartFrame : null;
        if (shots.Count == 0 && poster is null) return null;
        return new ChunkExtras(shots.Select(s => s.shot).ToList(), shots.Select(s => s.frame - chunk.StartFrame).ToList(), PosterFrame is null, poster, folder, PosterAss, PosterLogo);
    }
}

/// <summary>
/// What one chunk gives the extras, in the chunk's own frames and under its own file names, so that
/// the same stretch of film gives the same files wherever it sits: a thumbnail per shot frame
/// (<c>thumb-00.jpg</c>…), with <paramref name="Candidates"/> a decorated candidate each and their blur
/// scores, and the poster frame when it falls in the chunk.
/// </summary>
/// <param name="Shots">The film's numbers of the shots whose frames the chunk holds (not part of what it renders).</param>
/// <param name="ShotFrames">Those frames, counted from the chunk's first.</param>
/// <param name="Candidates">Whether to make poster candidates (no poster frame was ordered).</param>
/// <param name="PosterFrame">The ordered poster frame, counted from the chunk's first, when it falls in the chunk.</param>
/// <param name="Folder">Where the chunk's files go.</param>
/// <param name="PosterAss">The label alone, for images.</param>
/// <param name="PosterLogo">The logo at the master's size.</param>
internal sealed record ChunkExtras(IReadOnlyList<int> Shots, IReadOnlyList<int> ShotFrames, bool Candidates, int? PosterFrame, string Folder, string? PosterAss, LogoArt? PosterLogo)
{
    public string Thumbnails => Path.Combine(Folder, "thumb-%02d.jpg");

    public string CandidateImages => Path.Combine(Folder, "cand-%02d.jpg");

    public string BlurLog => Path.Combine(Folder, "blur.txt");

    public string Poster => Path.Combine(Folder, "poster.jpg");

    public string Thumbnail(int index) => Path.Combine(Folder, $"thumb-{index:D2}.jpg");

    public string Candidate(int index) => Path.Combine(Folder, $"cand-{index:D2}.jpg");

    /// <summary>How many branches of the film and of the logo the chunk's graph needs for these extras.</summary>
    public (int Film, int Logo) Branches
    {
        get
        {
            var (shots, poster) = (ShotFrames.Count > 0 ? 1 : 0, PosterFrame is null ? 0 : 1);
            var logo = PosterLogo is null ? 0 : (Candidates ? shots : 0) + poster;
            return (shots + poster, logo);
        }
    }
}

/// <summary>Adds a chunk's extras to its graph and returns the outputs (each a -map and its muxer options).</summary>
internal static class ExtrasBranch
{
    public static IReadOnlyList<IReadOnlyList<string>> Build(GraphText graph, Queue<string> films, Queue<string> logos, ChunkExtras extras)
    {
        var outputs = new List<IReadOnlyList<string>>();
        if (extras.ShotFrames.Count > 0)
        {
            var selected = graph.Chain(films.Dequeue(), Select(extras.ShotFrames));
            var branches = graph.Split(selected, extras.Candidates ? 2 : 1);
            var side = Number(ExtrasPlan.ThumbnailSide);
            // One pixel format for every chunk's thumbnails: the contact sheet reads them as one stream.
            var thumbs = graph.Chain(branches[0], $"scale='if(gte(iw,ih),{side},-2)':'if(gte(iw,ih),-2,{side})',format=yuvj420p");
            outputs.Add(Images(thumbs, extras.Thumbnails, quality: 3));
            if (extras.Candidates)
            {
                var scored = graph.Chain(branches[1], $"blurdetect,metadata=mode=print:file={OptionValue(extras.BlurLog)}");
                outputs.Add(Images(Decorate(graph, scored, logos, extras), extras.CandidateImages, quality: 2));
            }
        }

        if (extras.PosterFrame is { } poster)
        {
            var frame = graph.Chain(films.Dequeue(), Select([poster]));
            outputs.Add(["-map", $"[{Decorate(graph, frame, logos, extras)}]", "-frames:v", "1", "-q:v", "2", "-update", "1", "-f", "image2", extras.Poster]);
        }

        return outputs;
    }

    private static string Select(IEnumerable<int> frames) => $"select='{string.Join("+", frames.Select(f => $"eq(n\\,{Number(f)})"))}'";

    /// <summary>The label and logo drawn on a still, as the labelling rules ask of images too.</summary>
    private static string Decorate(GraphText graph, string frame, Queue<string> logos, ChunkExtras extras)
    {
        if (extras.PosterAss is not null) frame = graph.Chain(frame, $"subtitles=filename={OptionValue(extras.PosterAss)}");
        if (extras.PosterLogo is { } mark)
        {
            var sized = graph.Chain(logos.Dequeue(), $"scale={Number(mark.Width)}:{Number(mark.Height)},format=rgba,colorchannelmixer=aa={Number(mark.Opacity)}");
            frame = graph.Chain([frame, sized], $"overlay=x={Number(mark.X)}:y={Number(mark.Y)}:format=auto");
        }

        return graph.Chain(frame, "format=yuvj420p");
    }

    private static IReadOnlyList<string> Images(string label, string pattern, int quality) =>
        ["-map", $"[{label}]", "-fps_mode", "passthrough", "-start_number", "0", "-q:v", Number(quality), "-f", "image2", pattern];
}
