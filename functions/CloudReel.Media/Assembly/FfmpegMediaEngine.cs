using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Assembly;

/// <summary>
/// The media engine on FFmpeg. Assembly writes every rendition of the timeline
/// (<c>&lt;name&gt;.&lt;aspect&gt;.mp4</c>), the clean master when asked
/// (<c>&lt;name&gt;.&lt;aspect&gt;.clean.mp4</c>), SRT and WebVTT per language, poster.jpg,
/// contact-sheet.jpg, timeline.otio and the editors' drafts (<c>&lt;name&gt;.jianying.zip</c>,
/// <c>&lt;name&gt;.capcut.zip</c>). Progress arrives as steps "video" and "audio" (side by side, from
/// their own threads), then "mux", "clean-master", "extras" and finally "done". With a render cache,
/// pieces of earlier assemblies whose keys are unchanged are reused (see <see cref="Reuse.RenderCache"/>);
/// a draft timeline is assembled at the draft profile.
/// </summary>
public sealed class FfmpegMediaEngine(
    FfmpegRunner runner,
    FfprobeClipProber prober,
    FontLocator fonts,
    ILogger<FfmpegMediaEngine> logger,
    AssemblyOptions? options = null,
    INormalisedClipCache? cache = null,
    Reuse.RenderCache? renders = null) : IMediaEngine
{
    private readonly AssemblyOptions _options = options ?? new AssemblyOptions();

    public Task<ClipProbe> ProbeAsync(string path, CancellationToken cancellationToken = default) =>
        prober.ProbeAsync(path, cancellationToken);

    public async Task<AssemblyResult> AssembleAsync(
        FilmTimeline timeline,
        IReadOnlyDictionary<string, string> files,
        string outputDirectory,
        IProgress<AssemblyProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var inputs = TimelineCheck.Validate(timeline, files);
        var (film, options) = timeline.Draft ? DraftProfile.Apply(timeline, _options) : (timeline, _options);
        Directory.CreateDirectory(outputDirectory);
        using var scratch = ScratchDirectory.Create("assembly");
        logger.LogInformation(
            "Assembling {Film}: {Clips} clips, {Frames} frames at {Fps} fps, {Renditions} rendition(s)",
            film.FilmId, film.Clips.Count, film.TotalFrames, film.Fps, film.EffectiveRenditions().Count);
        var run = new AssemblyRun(runner, fonts, options, cache, renders, film, inputs, scratch.Path, outputDirectory, progress, logger);
        var written = await run.RunAsync(cancellationToken);
        progress?.Report(new AssemblyProgress("done", 1));
        return new AssemblyResult(written, film.TotalSeconds, film.TotalFrames)
        {
            ImplicitLabel = run.ImplicitLabel,
            Draft = film.Draft,
            Renditions = run.Reuse,
            SoundReused = run.SoundReused,
        };
    }
}
