using System.Runtime.ExceptionServices;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Assembly;

/// <summary>
/// The media engine on FFmpeg. Assembly runs the picture (one process for all clips) and the sound
/// (a separate, light process) side by side, then muxes them with stream copy and faststart into
/// <c>&lt;OutputName&gt;.&lt;aspect&gt;.mp4</c>, and writes SRT and WebVTT for every caption track.
/// Progress arrives as steps "video", "audio", "mux", then "done"; video and audio report from
/// their own threads at the same time.
/// </summary>
public sealed class FfmpegMediaEngine(
    FfmpegRunner runner,
    FfprobeClipProber prober,
    FontLocator fonts,
    ILogger<FfmpegMediaEngine> logger,
    AssemblyEncoding? encoding = null) : IMediaEngine
{
    private readonly AssemblyEncoding _encoding = encoding ?? new AssemblyEncoding();

    public Task<ClipProbe> ProbeAsync(string path, CancellationToken cancellationToken = default) =>
        prober.ProbeAsync(path, cancellationToken);

    public async Task<AssemblyResult> AssembleAsync(
        FilmTimeline timeline,
        IReadOnlyDictionary<string, string> clipPaths,
        string outputDirectory,
        IProgress<AssemblyProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var paths = TimelineCheck.Validate(timeline, clipPaths);
        Directory.CreateDirectory(outputDirectory);
        using var scratch = ScratchDirectory.Create("assembly");
        var files = new List<string>();

        string? assPath = null;
        if (timeline.BurnedCaptionLanguage is { } burned)
        {
            var font = await fonts.LocateAsync();
            var track = timeline.Captions.First(t => t.Language == burned);
            assPath = scratch.File("burned.ass");
            await File.WriteAllTextAsync(assPath, AssCaptionWriter.Write(track, timeline.Size, timeline.Fps, timeline.TotalFrames, font.Family), cancellationToken);
        }

        var videoPath = scratch.File("picture.mp4");
        var audioPath = scratch.File("sound.m4a");
        logger.LogInformation("Assembling {Film}: {Clips} clips, {Frames} frames at {Fps} fps", timeline.FilmId, timeline.Clips.Count, timeline.TotalFrames, timeline.Fps);
        await RunSideBySideAsync(
            token => RenderVideoAsync(timeline, paths, assPath, videoPath, progress, token),
            token => RenderAudioAsync(timeline, paths, audioPath, progress, token),
            cancellationToken);

        var filmName = $"{timeline.OutputName}.{timeline.Aspect.FileTag}.mp4";
        var partial = Path.Combine(scratch.Path, "film.mp4");
        await runner.RunAsync(EncodeArguments.Mux(videoPath, audioPath, timeline.Title, partial), FractionOf("mux", timeline.TotalSeconds, progress), cancellationToken);
        File.Move(partial, Path.Combine(outputDirectory, filmName), overwrite: true);
        files.Add(filmName);

        foreach (var track in timeline.Captions)
        {
            files.Add(await WriteAsync(outputDirectory, $"{timeline.OutputName}.{track.Language}.srt", CaptionFileWriter.ToSrt(track, timeline.Fps, timeline.TotalFrames), cancellationToken));
            files.Add(await WriteAsync(outputDirectory, $"{timeline.OutputName}.{track.Language}.vtt", CaptionFileWriter.ToVtt(track, timeline.Fps, timeline.TotalFrames), cancellationToken));
        }

        progress?.Report(new AssemblyProgress("done", 1));
        return new AssemblyResult(files, timeline.TotalSeconds, timeline.TotalFrames);
    }

    private Task RenderVideoAsync(FilmTimeline timeline, IReadOnlyList<string> paths, string? assPath, string output, IProgress<AssemblyProgress>? progress, CancellationToken token)
    {
        var graph = VideoGraphBuilder.Build(timeline, paths, assPath);
        var frames = Math.Max(1, timeline.TotalFrames);
        var report = progress is null ? null : new SyncProgress<FfmpegProgress>(p => progress.Report(new AssemblyProgress("video", Math.Clamp((double)p.Frame / frames, 0, 1))));
        return runner.RunAsync(EncodeArguments.Video(graph, timeline, _encoding, output), report, token);
    }

    private Task RenderAudioAsync(FilmTimeline timeline, IReadOnlyList<string> paths, string output, IProgress<AssemblyProgress>? progress, CancellationToken token)
    {
        var graph = AudioGraphBuilder.Build(timeline, paths);
        return runner.RunAsync(EncodeArguments.Audio(graph, _encoding, output), FractionOf("audio", timeline.TotalSeconds, progress), token);
    }

    private static SyncProgress<FfmpegProgress>? FractionOf(string step, double seconds, IProgress<AssemblyProgress>? progress) =>
        progress is null
            ? null
            : new SyncProgress<FfmpegProgress>(p => progress.Report(new AssemblyProgress(step, Math.Clamp(p.OutTime.TotalSeconds / Math.Max(seconds, 1e-3), 0, 1))));

    /// <summary>Runs both; the first failure cancels the other and is the one reported.</summary>
    private static async Task RunSideBySideAsync(Func<CancellationToken, Task> first, Func<CancellationToken, Task> second, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task Guarded(Func<CancellationToken, Task> run)
        {
            try
            {
                await run(linked.Token);
            }
            catch
            {
                await linked.CancelAsync();
                throw;
            }
        }

        Task[] tasks = [Guarded(first), Guarded(second)];
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            var cause = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault();
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    private static async Task<string> WriteAsync(string directory, string name, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, content, new System.Text.UTF8Encoding(false), cancellationToken);
        File.Move(partial, path, overwrite: true);
        return name;
    }
}
