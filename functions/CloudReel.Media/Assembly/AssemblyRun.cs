using System.Text;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Audio;
using CloudReel.Media.Assembly.Captions;
using CloudReel.Media.Assembly.Clean;
using CloudReel.Media.Assembly.Extras;
using CloudReel.Media.Assembly.Join;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Video;
using CloudReel.Media.Drafts;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Assembly;

/// <summary>
/// One assembly, step by step: the picture of every rendition (chunk by chunk) beside the sound,
/// then the muxes, the clean master, the extras and the caption files.
/// </summary>
internal sealed class AssemblyRun(
    FfmpegRunner runner,
    FontLocator fonts,
    AssemblyOptions options,
    INormalisedClipCache? cache,
    FilmTimeline timeline,
    AssemblyInputs inputs,
    string scratch,
    string output,
    IProgress<AssemblyProgress>? progress,
    ILogger logger)
{
    private readonly List<string> _written = [];

    /// <summary>The implicit label's metadata value, with the configured producer when there is one.</summary>
    public string? ImplicitLabel { get; } = (options.ContentProducer is { Length: > 0 } producer
        ? timeline.ImplicitLabel?.WithProducer(producer)
        : timeline.ImplicitLabel)?.ToMetadataValue();

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var renditions = timeline.EffectiveRenditions();
        var font = await fonts.LocateAsync();
        var logoImage = inputs.Logo is null ? ((int, int)?)null : await ImageSizeAsync(inputs.Logo, cancellationToken);
        var arts = await ArtWriter.RenditionsAsync(timeline, renditions, logoImage, font.Family, scratch, cancellationToken);
        var extras = new ExtrasPlan(ShotFrames(), timeline.PosterFrame, scratch,
            await ArtWriter.StillLabelAsync(timeline, font.Family, scratch, cancellationToken),
            ArtWriter.Logo(timeline, logoImage, timeline.Size, SafeArea.For(timeline.Aspect)));
        var chunks = ChunkPlanner.Plan(timeline, options.MaxClipsPerChunk);
        var targets = renditions.Select(r => r.LoudnessLufs).Distinct().ToList();

        IReadOnlyDictionary<double, string> sounds = new Dictionary<double, string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        async Task PictureAsync(CancellationToken token)
        {
            await RenderPictureAsync(chunks, arts, extras, token);
            logger.LogInformation("Picture of {Film}: {Chunks} process(es), {Seconds:0.0} s", timeline.FilmId, chunks.Count, clock.Elapsed.TotalSeconds);
        }

        async Task SoundAsync(CancellationToken token)
        {
            sounds = await new SoundRenderer(runner, options).RenderAsync(timeline, inputs, targets, scratch, progress, token);
            logger.LogInformation("Sound of {Film}: {Seconds:0.0} s", timeline.FilmId, clock.Elapsed.TotalSeconds);
        }

        // The sound runs beside the picture, except for long films: its process opens every clip at once
        // (a few MB each), so from a few dozen clips on it runs first, and never adds to a picture process's memory.
        if (timeline.Clips.Count <= 4 * options.MaxClipsPerChunk)
        {
            await Concurrently.RunAsync(PictureAsync, SoundAsync, cancellationToken);
        }
        else
        {
            await SoundAsync(cancellationToken);
            await PictureAsync(cancellationToken);
        }

        var muxer = new FilmMuxer(runner);
        for (var r = 0; r < renditions.Count; r++)
        {
            var name = $"{timeline.OutputName}.{renditions[r].Aspect.FileTag}.mp4";
            var segments = chunks.Select((_, c) => Segment(r, c)).ToList();
            await muxer.MuxAsync(segments, sounds[renditions[r].LoudnessLufs], timeline.Title, ImplicitLabel, Path.Combine(output, name), Step("mux", (double)r / renditions.Count), cancellationToken);
            _written.Add(name);
        }

        // The clean master is the master's picture; its sound is that of the master's rendition, when there is one.
        var masterSound = sounds[(renditions.FirstOrDefault(r => r.Aspect == timeline.Aspect) ?? renditions[0]).LoudnessLufs];
        logger.LogInformation("Renditions of {Film} muxed at {Seconds:0.0} s", timeline.FilmId, clock.Elapsed.TotalSeconds);
        if (timeline.CleanMaster) await CleanMasterAsync(masterSound, cancellationToken);
        logger.LogInformation("Clean master of {Film} done at {Seconds:0.0} s", timeline.FilmId, clock.Elapsed.TotalSeconds);
        foreach (var track in timeline.Captions)
        {
            await WriteAsync($"{timeline.OutputName}.{track.Language}.srt", CaptionFileWriter.ToSrt(track, timeline.Fps, timeline.TotalFrames), cancellationToken);
            await WriteAsync($"{timeline.OutputName}.{track.Language}.vtt", CaptionFileWriter.ToVtt(track, timeline.Fps, timeline.TotalFrames), cancellationToken);
        }
        await ExtrasAsync(extras, chunks, font, cancellationToken);

        return _written;
    }

    private async Task RenderPictureAsync(IReadOnlyList<FilmChunk> chunks, IReadOnlyList<RenditionArt> arts, ExtrasPlan extras, CancellationToken cancellationToken)
    {
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var renditions = arts.Select((art, r) => (art, Segment(r, c))).ToList();
            var arguments = ChunkGraph.Arguments(timeline, inputs, chunk, c, renditions, extras, options);
            var total = Math.Max(1, timeline.TotalFrames);
            var report = progress is null ? null : new SyncProgress<FfmpegProgress>(p =>
                progress.Report(new AssemblyProgress("video", Math.Clamp((double)(chunk.StartFrame + Math.Min(p.Frame, chunk.Frames)) / total, 0, 1))));
            await runner.RunAsync(arguments, report, cancellationToken);
        }
    }

    private async Task CleanMasterAsync(string sound, CancellationToken cancellationToken)
    {
        var profile = NormalisedProfile.For(timeline.Size, timeline.Fps, options);
        var copies = await new NormalisedCopies(runner, options, cache).EnsureAsync(timeline, inputs, profile, scratch, Step("clean-master", 0), cancellationToken);
        var pieces = CleanMasterPlan.Plan(timeline, copies, profile.Gop);
        var name = $"{timeline.OutputName}.{timeline.Aspect.FileTag}.clean.mp4";
        progress?.Report(new AssemblyProgress("clean-master", 0.5));
        await new CleanMasterRenderer(runner, options, logger).RenderAsync(timeline, copies, profile, pieces, sound, ImplicitLabel, scratch, Path.Combine(output, name), cancellationToken);
        _written.Add(name);
    }

    private async Task ExtrasAsync(ExtrasPlan extras, IReadOnlyList<FilmChunk> chunks, CjkFont font, CancellationToken cancellationToken)
    {
        progress?.Report(new AssemblyProgress("extras", 0));
        var poster = timeline.PosterFrame is null ? PosterPicker.Sharpest(extras, chunks) : extras.Poster;
        if (poster is not null && File.Exists(poster)) Keep(poster, "poster.jpg");
        var sheet = Path.Combine(scratch, "contact-sheet.jpg");
        await new ContactSheet(runner).WriteAsync(timeline, extras, font, sheet, cancellationToken);
        Keep(sheet, "contact-sheet.jpg");
        await WriteAsync("timeline.otio", OtioWriter.Write(timeline, MediaUrl), cancellationToken);
        _written.AddRange(await EditorDrafts.WriteAsync(timeline, inputs.Clips, inputs.Music, inputs.VoiceOvers, runner, output, cancellationToken));
    }

    /// <summary>One frame per shot, in the middle of the span it has the screen to itself.</summary>
    private List<int> ShotFrames()
    {
        var starts = timeline.ClipStartFrames();
        return timeline.Clips.Select((clip, i) =>
        {
            var from = starts[i] + TimelineFacts.Incoming(timeline, i);
            var to = starts[i] + clip.Frames - TimelineFacts.Outgoing(timeline, i);
            return Math.Clamp((from + to) / 2, 0, timeline.TotalFrames - 1);
        }).ToList();
    }

    private string MediaUrl(string storeName)
    {
        var index = timeline.Clips.ToList().FindIndex(c => c.ClipName == storeName);
        var path = index >= 0 ? inputs.Clips[index] : storeName == timeline.Music?.Name ? inputs.Music : null;
        return path is null ? storeName : new Uri(path).AbsoluteUri;
    }

    private async Task<(int, int)> ImageSizeAsync(string path, CancellationToken cancellationToken)
    {
        var text = await runner.ProbeAsync(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", path], cancellationToken);
        return FrameSizeParse(text.Trim());
    }

    private static (int, int) FrameSizeParse(string text) =>
        Core.Orders.FrameSize.TryParse(text, out var size) ? (size.Width, size.Height) : throw new InvalidDataException($"The logo is not an image FFmpeg can read ({text}).");

    private string Segment(int rendition, int chunk) => Path.Combine(scratch, $"segment-r{rendition}-c{chunk:D3}.mp4");

    private SyncProgress<FfmpegProgress>? Step(string step, double fraction) =>
        progress is null ? null : new SyncProgress<FfmpegProgress>(_ => progress.Report(new AssemblyProgress(step, fraction)));

    private void Keep(string file, string name)
    {
        File.Copy(file, Path.Combine(output, name), overwrite: true);
        _written.Add(name);
    }

    private async Task WriteAsync(string name, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(output, name);
        await File.WriteAllTextAsync(path + ".partial", content, new UTF8Encoding(false), cancellationToken);
        File.Move(path + ".partial", path, overwrite: true);
        _written.Add(name);
    }
}
