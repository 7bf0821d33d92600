using System.Globalization;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Join;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Reuse;
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
internal sealed class CleanMasterRenderer(FfmpegRunner runner, AssemblyOptions options, ILogger? logger = null, RenderCache? cache = null, RenderKeys? keys = null)
{
    /// <summary>The most copies one batch of windows opens, a decoder each (bench/assembly measured the clean master at 728 MB peak with twelve).</summary>
    private const int MaxCopiesOpen = 12;

    /// <summary>
    /// Writes the clean master. <paramref name="copyTokens"/> stand for the copies in the keys of the
    /// re-encoded windows (one per clip, in timeline order); with a render cache, a window whose key is
    /// found is not encoded again. Returns the windows reused and encoded and the seconds saved.
    /// </summary>
    public async Task<(int Reused, int Encoded, double SecondsSaved)> RenderAsync(
        FilmTimeline timeline,
        IReadOnlyList<NormalisedCopy> copies,
        NormalisedProfile profile,
        IReadOnlyList<CleanPiece> pieces,
        string sound,
        string? implicitLabel,
        string folder,
        string output,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? copyTokens = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var renders = pieces.OfType<RenderPiece>().ToList();
        var tokens = copyTokens is null ? null : copies.Select((copy, i) => copy with { Path = copyTokens[i] }).ToList();
        var windowKeys = renders.Select(render => tokens is null || keys is null ? null
            : keys.Of(RenderKind.CleanWindow, BatchArguments(timeline, tokens, profile, [Window(timeline, render)], "window.mp4").Arguments)).ToList();
        var found = new Dictionary<RenderPiece, CachedPiece>();
        for (var i = 0; i < renders.Count; i++)
        {
            if (cache is not null && windowKeys[i] is { } key && await cache.FindAsync(RenderKind.CleanWindow, key, cancellationToken) is { } piece
                && Probing.Mp4SampleCount.VideoFrames(piece.Path) == renders[i].Frames)
            {
                found[renders[i]] = piece;
            }
        }

        var missing = renders.Where(r => !found.ContainsKey(r)).ToList();
        var windows = await RenderWindowsAsync(timeline, copies, profile, missing, folder, cancellationToken);
        var encodeSeconds = clock.Elapsed.TotalSeconds;
        logger?.LogInformation("Clean master: {Frames} of {Total} frames re-encoded in {Seconds:0.0} s, {Reused} window(s) reused",
            missing.Sum(r => r.Frames), timeline.TotalFrames, encodeSeconds, found.Count);
        var files = new List<string>();
        List<string> inputs = [];
        List<string> outputs = [];
        for (var p = 0; p < pieces.Count; p++)
        {
            if (pieces[p] is RenderPiece reused && found.TryGetValue(reused, out var piece))
            {
                files.Add(piece.Path);
                continue;
            }

            var (source, start) = pieces[p] switch
            {
                CopyPiece copy => (copies[copy.ClipIndex].Path, copy.SourceStart),
                _ => windows[missing.IndexOf((RenderPiece)pieces[p])],
            };
            var file = Path.Combine(folder, $"piece-{p:D4}.mp4");
            inputs.AddRange(["-ss", KeyframeTime(start, timeline.Fps), "-i", source]);
            outputs.AddRange(["-map", $"{Number(inputs.Count / 4 - 1)}:v:0", "-c", "copy", "-frames:v", Number(pieces[p].Frames), "-f", "mp4", file]);
            files.Add(file);
        }

        if (inputs.Count > 0) await runner.RunAsync(["-y", .. inputs, .. outputs], null, cancellationToken);
        logger?.LogInformation("Clean master: {Pieces} pieces cut at {Seconds:0.0} s", pieces.Count, clock.Elapsed.TotalSeconds);
        if (cache is not null)
        {
            var frames = Math.Max(1, missing.Sum(m => m.Frames));
            foreach (var render in missing)
            {
                if (windowKeys[renders.IndexOf(render)] is not { } key) continue;
                var record = new PieceRecord(Math.Round(encodeSeconds * render.Frames / frames, 3), render.Frames);
                await cache.KeepAsync(RenderKind.CleanWindow, key, files[pieces.ToList().IndexOf(render)], record, cancellationToken);
            }
        }

        await new FilmMuxer(runner).MuxAsync(files, sound, timeline.Title, implicitLabel, output, null, cancellationToken, fastStart: false);
        logger?.LogInformation("Clean master: joined at {Seconds:0.0} s", clock.Elapsed.TotalSeconds);
        return (found.Count, missing.Count, Math.Round(found.Values.Sum(f => f.Record.Seconds), 1));
    }

    private static FilmChunk Window(FilmTimeline timeline, RenderPiece render) => ChunkPlanner.Window(timeline, render.FilmStart, render.FilmStart + render.Frames);

    /// <summary>
    /// Renders every re-encoded piece, a batch of them per process, back to back into one file per
    /// batch with a keyframe at the start of each piece. A piece decodes only from the keyframe before
    /// it, so a batch may open up to <see cref="MaxCopiesOpen"/> copies. Returns, for each piece, its
    /// file and the frame it starts at there.
    /// </summary>
    private async Task<IReadOnlyList<(string File, int Start)>> RenderWindowsAsync(
        FilmTimeline timeline, IReadOnlyList<NormalisedCopy> copies, NormalisedProfile profile, IReadOnlyList<RenderPiece> renders, string folder, CancellationToken cancellationToken)
    {
        var located = new List<(string, int)>();
        var batch = new List<FilmChunk>();
        async Task RunBatchAsync()
        {
            var file = Path.Combine(folder, $"windows-{Directory.GetFiles(folder, "windows-*").Length:D3}.mp4");
            var (arguments, starts) = BatchArguments(timeline, copies, profile, batch, file);
            await runner.RunAsync(arguments, null, cancellationToken);
            located.AddRange(starts.Select(start => (file, start)));
            batch.Clear();
        }

        foreach (var render in renders)
        {
            var window = Window(timeline, render);
            if (batch.Count > 0 && batch.Sum(b => b.Clips.Count) + window.Clips.Count > MaxCopiesOpen) await RunBatchAsync();
            batch.Add(window);
        }

        if (batch.Count > 0) await RunBatchAsync();
        return located;
    }

    /// <summary>The command that renders <paramref name="windows"/> back to back into <paramref name="file"/>, and the frame each starts at there.</summary>
    private (IReadOnlyList<string> Arguments, IReadOnlyList<int> Starts) BatchArguments(
        FilmTimeline timeline, IReadOnlyList<NormalisedCopy> copies, NormalisedProfile profile, IReadOnlyList<FilmChunk> windows, string file)
    {
        var graph = new GraphText();
        var rendered = new List<string>();
        var starts = new List<int>();
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
                    ClipConform.Stretch(profile.Size, profile.Fps, source - keyframe, stretch.Frames));
                parts.Add(new JoinPart(label, stretch.Frames, stretch.TransitionOut));
            }

            rendered.Add(TransitionJoiner.Join(graph, parts, timeline.Fps));
            starts.Add(offset);
            offset += window.Frames;
        }

        var joined = rendered.Count == 1 ? rendered[0]
            : graph.Chain(rendered, $"concat=n={Number(rendered.Count)}:v=1:a=0,{ClipConform.Renumber(timeline.Fps)}");
        var keyframes = "expr:" + string.Join("+", starts.Select(s => $"eq(n,{Number(s)})"));
        return (["-y", .. graph.InputArguments, "-filter_complex", graph.Graph, "-map", $"[{joined}]",
            .. EncodeArguments.Normalised(profile, options), "-force_key_frames", keyframes, file], starts);
    }

    /// <summary>
    /// A keyframe's time for -ss, rounded up to the microsecond: never before the frame (which would
    /// seek to the keyframe before it) and less than a microsecond after it.
    /// </summary>
    private static string KeyframeTime(int frame, int fps) =>
        (Math.Ceiling(frame * 1_000_000.0 / fps) / 1_000_000).ToString("0.000000", CultureInfo.InvariantCulture);
}
