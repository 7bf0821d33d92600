using System.Globalization;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Join;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Video;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Logging;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Clean;

/// <summary>
/// Writes the clean master (nothing burned in) by the fast path: the re-encoded pieces are rendered
/// from the normalised copies, seeking to the keyframe before each (a few processes, one encoder
/// each); then every piece is cut from its file by stream copy, and the pieces and the sound are
/// joined by stream copy. Copies and re-encoded pieces share one encoder profile, so they join.
/// </summary>
internal sealed class CleanMasterRenderer(FfmpegRunner runner, AssemblyOptions options, ILogger? logger = null)
{
    public async Task RenderAsync(
        FilmTimeline timeline,
        IReadOnlyList<NormalisedCopy> copies,
        NormalisedProfile profile,
        IReadOnlyList<CleanPiece> pieces,
        string sound,
        string? implicitLabel,
        string folder,
        string output,
        CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var renders = pieces.OfType<RenderPiece>().ToList();
        var windows = await RenderWindowsAsync(timeline, copies, profile, renders, folder, cancellationToken);
        logger?.LogInformation("Clean master: {Frames} of {Total} frames re-encoded in {Seconds:0.0} s", renders.Sum(r => r.Frames), timeline.TotalFrames, clock.Elapsed.TotalSeconds);
        var files = new List<string>();
        List<string> inputs = [];
        List<string> outputs = [];
        for (var p = 0; p < pieces.Count; p++)
        {
            var (source, start) = pieces[p] switch
            {
                CopyPiece copy => (copies[copy.ClipIndex].Path, copy.SourceStart),
                _ => windows[renders.IndexOf((RenderPiece)pieces[p])],
            };
            var file = Path.Combine(folder, $"piece-{p:D4}.mp4");
            inputs.AddRange(["-ss", KeyframeTime(start, timeline.Fps), "-i", source]);
            outputs.AddRange(["-map", $"{Number(p)}:v:0", "-c", "copy", "-frames:v", Number(pieces[p].Frames), "-f", "mp4", file]);
            files.Add(file);
        }

        await runner.RunAsync(["-y", .. inputs, .. outputs], null, cancellationToken);
        logger?.LogInformation("Clean master: {Pieces} pieces cut at {Seconds:0.0} s", pieces.Count, clock.Elapsed.TotalSeconds);
        await new FilmMuxer(runner).MuxAsync(files, sound, timeline.Title, implicitLabel, output, null, cancellationToken, fastStart: false);
        logger?.LogInformation("Clean master: joined at {Seconds:0.0} s", clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Renders every re-encoded piece, a batch of them per process, back to back into one file per
    /// batch with a keyframe at the start of each piece. A piece decodes only from the keyframe before
    /// it, so a batch may open twice as many copies as a chunk opens clips. Returns, for each piece,
    /// its file and the frame it starts at there.
    /// </summary>
    private async Task<IReadOnlyList<(string File, int Start)>> RenderWindowsAsync(
        FilmTimeline timeline, IReadOnlyList<NormalisedCopy> copies, NormalisedProfile profile, IReadOnlyList<RenderPiece> renders, string folder, CancellationToken cancellationToken)
    {
        var located = new List<(string, int)>();
        var batch = new List<FilmChunk>();
        foreach (var render in renders)
        {
            var window = ChunkPlanner.Window(timeline, render.FilmStart, render.FilmStart + render.Frames);
            if (batch.Count > 0 && batch.Sum(b => b.Clips.Count) + window.Clips.Count > 2 * options.MaxClipsPerChunk)
            {
                located.AddRange(await RenderBatchAsync(timeline, copies, profile, batch, folder, cancellationToken));
                batch.Clear();
            }

            batch.Add(window);
        }

        if (batch.Count > 0) located.AddRange(await RenderBatchAsync(timeline, copies, profile, batch, folder, cancellationToken));
        return located;
    }

    private async Task<IReadOnlyList<(string, int)>> RenderBatchAsync(
        FilmTimeline timeline, IReadOnlyList<NormalisedCopy> copies, NormalisedProfile profile, IReadOnlyList<FilmChunk> windows, string folder, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, $"windows-{Directory.GetFiles(folder, "windows-*").Length:D3}.mp4");
        var graph = new GraphText();
        var rendered = new List<string>();
        var located = new List<(string, int)>();
        var offset = 0;
        foreach (var window in windows)
        {
            var parts = new List<JoinPart>();
            foreach (var stretch in window.Clips)
            {
                var source = TimelineFacts.SourceStart(timeline.Clips[stretch.ClipIndex], timeline.Fps) + stretch.Skip;
                var keyframe = source / profile.Gop * profile.Gop;
                // Fast seek to the keyframe (no frames dropped: the frame count below is exact).
                var input = graph.AddInput(copies[stretch.ClipIndex].Path,
                    "-noaccurate_seek", "-ss", KeyframeTime(keyframe, timeline.Fps), "-t", ClipConform.Seconds(source - keyframe + stretch.Frames + 2, timeline.Fps));
                var label = graph.Chain(GraphText.Stream(input, 'v'),
                    ClipConform.Conform(profile.Size, profile.Fps) + "," + ClipConform.Stretch(source - keyframe, stretch.Frames, timeline.Fps));
                parts.Add(new JoinPart(label, stretch.Frames, stretch.TransitionOut));
            }

            rendered.Add(TransitionJoiner.Join(graph, parts, timeline.Fps));
            located.Add((file, offset));
            offset += window.Frames;
        }

        var joined = rendered.Count == 1 ? rendered[0]
            : graph.Chain(rendered, $"concat=n={Number(rendered.Count)}:v=1:a=0,{ClipConform.Renumber(timeline.Fps)}");
        var keyframes = "expr:" + string.Join("+", located.Select(l => $"eq(n,{Number(l.Item2)})"));
        await runner.RunAsync(
        [
            "-y", .. graph.InputArguments, "-filter_complex", graph.Graph, "-map", $"[{joined}]",
            .. EncodeArguments.Normalised(profile, options), "-force_key_frames", keyframes, file,
        ], null, cancellationToken);
        return located;
    }

    /// <summary>
    /// A keyframe's time for -ss, rounded up to the microsecond: never before the frame (which would
    /// seek to the keyframe before it) and less than a microsecond after it.
    /// </summary>
    private static string KeyframeTime(int frame, int fps) =>
        (Math.Ceiling(frame * 1_000_000.0 / fps) / 1_000_000).ToString("0.000000", CultureInfo.InvariantCulture);
}
