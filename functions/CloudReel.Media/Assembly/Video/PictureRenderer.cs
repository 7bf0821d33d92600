using System.Diagnostics;
using System.Formats.Tar;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Extras;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Assembly.Video;

/// <summary>The picture of every rendition as a list of chunk files in film order, and how each rendition's chunks were come by.</summary>
internal sealed record Picture(IReadOnlyList<IReadOnlyList<string>> Segments, IReadOnlyList<(int Reused, int Encoded, double SecondsSaved, double SecondsMade)> Tallies);

/// <summary>
/// Renders the picture chunk by chunk. Each rendition's chunk, and what the chunk gives the extras,
/// is looked up in the render cache under its key; a chunk process is run only for what is missing
/// (one decode of its clips, one encode per missing rendition) and its results are kept for later
/// assemblies. Every chunk starts on a keyframe and holds exactly its frames, so the chunks of a
/// rendition, found or made, join by stream copy into exactly the film.
/// </summary>
internal sealed class PictureRenderer(
    FfmpegRunner runner,
    AssemblyOptions options,
    RenderCache? cache,
    RenderKeys keys,
    FilmTimeline timeline,
    AssemblyInputs inputs,
    AssemblyInputs keyInputs,
    string scratch,
    IProgress<AssemblyProgress>? progress,
    ILogger logger)
{
    public async Task<Picture> RenderAsync(
        IReadOnlyList<FilmChunk> chunks, IReadOnlyList<RenditionLook> looks, ExtrasPlan extras, ExtrasGatherer gatherer, CancellationToken cancellationToken)
    {
        var segments = looks.Select(_ => new string[chunks.Count]).ToList();
        var tallies = looks.Select(_ => (Reused: 0, Encoded: 0, SecondsSaved: 0.0, SecondsMade: 0.0)).ToArray();
        var posterAss = extras.PosterAss is null ? null : await InputIdentity.OfFileAsync("ass", extras.PosterAss, cancellationToken);
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var window = new FrameSpan(chunk.StartFrame, chunk.EndFrame);
            var wanted = new List<(int Rendition, RenditionArt Art, string Key)>();
            for (var r = 0; r < looks.Count; r++)
            {
                var art = await looks[r].ForAsync(window, Path.Combine(scratch, $"burn-r{r}-c{c:D3}.ass"), cancellationToken);
                var keyArt = art with { AssPath = art.AssPath is null ? null : await InputIdentity.OfFileAsync("ass", art.AssPath, cancellationToken) };
                var key = keys.Of(RenderKind.Chunk, ChunkGraph.Arguments(timeline, keyInputs, chunk, [(keyArt, "chunk.mp4")], null, options));
                var found = await FindChunkAsync(key, chunk.Frames, cancellationToken);
                if (found is null)
                {
                    wanted.Add((r, art, key));
                    continue;
                }

                segments[r][c] = found.Path;
                tallies[r] = (tallies[r].Reused + 1, tallies[r].Encoded, tallies[r].SecondsSaved + found.Record.Seconds, tallies[r].SecondsMade);
            }

            var chunkExtras = extras.For(chunk, Path.Combine(scratch, $"extras-c{c:D3}"));
            string? extrasKey = null;
            if (chunkExtras is not null)
            {
                Directory.CreateDirectory(chunkExtras.Folder);
                var keyExtras = chunkExtras with { Shots = [], Folder = "extras", PosterAss = posterAss };
                extrasKey = keys.Of(RenderKind.Extras, ChunkGraph.Arguments(timeline, keyInputs, chunk, [], keyExtras, options));
                if (await RestoreExtrasAsync(extrasKey, chunkExtras.Folder, cancellationToken)) extrasKey = null;
            }

            if (wanted.Count > 0 || extrasKey is not null)
            {
                var made = wanted.Select(w => (w.Art, Segment: Path.Combine(scratch, $"segment-r{w.Rendition}-c{c:D3}.mp4"))).ToList();
                var seconds = await RunChunkAsync(chunk, made, extrasKey is null ? null : chunkExtras, cancellationToken);
                var pixels = wanted.Sum(w => (double)w.Art.Rendition.Size.Width * w.Art.Rendition.Size.Height);
                for (var i = 0; i < wanted.Count; i++)
                {
                    var (r, art, key) = wanted[i];
                    segments[r][c] = made[i].Segment;
                    var share = seconds * art.Rendition.Size.Width * art.Rendition.Size.Height / pixels;
                    tallies[r] = (tallies[r].Reused, tallies[r].Encoded + 1, tallies[r].SecondsSaved, tallies[r].SecondsMade + share);
                    if (cache is not null) await cache.KeepAsync(RenderKind.Chunk, key, made[i].Segment, new PieceRecord(Math.Round(share, 3), chunk.Frames), cancellationToken);
                }

                if (extrasKey is not null && cache is not null) await KeepExtrasAsync(extrasKey, chunkExtras!.Folder, wanted.Count == 0 ? seconds : 0, cancellationToken);
            }

            if (chunkExtras is not null) gatherer.Gather(chunkExtras);
            progress?.Report(new AssemblyProgress("video", (double)chunk.EndFrame / Math.Max(1, timeline.TotalFrames)));
        }

        var reused = tallies.Sum(t => t.Reused);
        logger.LogInformation("Picture of {Film}: {Reused} rendition chunk(s) reused, {Encoded} encoded", timeline.FilmId, reused, tallies.Sum(t => t.Encoded));
        return new Picture(segments, tallies.Select(t => (t.Reused, t.Encoded, Math.Round(t.SecondsSaved, 1), t.SecondsMade)).ToList());
    }

    /// <summary>Runs one chunk process for the given renditions and extras; returns its wall seconds.</summary>
    private async Task<double> RunChunkAsync(FilmChunk chunk, IReadOnlyList<(RenditionArt Art, string Segment)> renditions, ChunkExtras? extras, CancellationToken cancellationToken)
    {
        var arguments = ChunkGraph.Arguments(timeline, inputs, chunk, renditions, extras, options);
        var total = Math.Max(1, timeline.TotalFrames);
        var report = progress is null ? null : new SyncProgress<FfmpegProgress>(p =>
            progress.Report(new AssemblyProgress("video", Math.Clamp((double)(chunk.StartFrame + Math.Min(p.Frame, chunk.Frames)) / total, 0, 1))));
        var clock = Stopwatch.StartNew();
        await runner.RunAsync(arguments, report, cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>A kept chunk, unless its file does not hold exactly the chunk's frames (then it is made again and replaced).</summary>
    private async Task<CachedPiece?> FindChunkAsync(string key, int frames, CancellationToken cancellationToken)
    {
        if (cache is null) return null;
        var found = await cache.FindAsync(RenderKind.Chunk, key, cancellationToken);
        if (found is null) return null;
        if (Probing.Mp4SampleCount.VideoFrames(found.Path) == frames) return found;
        logger.LogWarning("Kept chunk {Key} does not hold its {Frames} frames; encoding it again", key, frames);
        return null;
    }

    private async Task<bool> RestoreExtrasAsync(string key, string folder, CancellationToken cancellationToken)
    {
        if (cache is null || await cache.FindAsync(RenderKind.Extras, key, cancellationToken) is not { } found) return false;
        await TarFile.ExtractToDirectoryAsync(found.Path, folder, overwriteFiles: true, cancellationToken);
        return true;
    }

    private async Task KeepExtrasAsync(string key, string folder, double seconds, CancellationToken cancellationToken)
    {
        var tar = folder + ".tar";
        await TarFile.CreateFromDirectoryAsync(folder, tar, includeBaseDirectory: false, cancellationToken);
        await cache!.KeepAsync(RenderKind.Extras, key, tar, new PieceRecord(Math.Round(seconds, 3), 0), cancellationToken);
    }
}
