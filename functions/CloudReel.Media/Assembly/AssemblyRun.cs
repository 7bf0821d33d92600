using System.Text;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Audio;
using CloudReel.Media.Assembly.Captions;
using CloudReel.Media.Assembly.Clean;
using CloudReel.Media.Assembly.Extras;
using CloudReel.Media.Assembly.Join;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Assembly.Video;
using CloudReel.Media.Drafts;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Assembly;

/// <summary>
/// One assembly, step by step: the picture of every rendition (chunk by chunk) beside the sound,
/// then the muxes, the clean master, the extras and the caption files. With a render cache, every
/// chunk, the sound and the clean master's windows found under their keys are reused, not made again.
/// </summary>
internal sealed class AssemblyRun(
    FfmpegRunner runner,
    FontLocator fonts,
    AssemblyOptions options,
    INormalisedClipCache? cache,
    RenderCache? renders,
    FilmTimeline timeline,
    AssemblyInputs inputs,
    string scratch,
    string output,
    IProgress<AssemblyProgress>? progress,
    ILogger logger)
{
    /// <summary>The most clips whose sound is made beside the picture (measured: 66 clips' sound beside six clips' picture peaked at 1.2 GB).</summary>
    private const int SoundBesidePictureMaxClips = 24;

    private readonly List<string> _written = [];
    private const string OtioName = "timeline.otio";

    /// <summary>Per film file written: its chunks reused and encoded, and what making it is worth in seconds (made now, or saved by reuse).</summary>
    private readonly List<(RenditionReuse Reuse, double Worth)> _films = [];

    /// <summary>The implicit label's metadata value, with the configured producer when there is one.</summary>
    public string? ImplicitLabel { get; } = (options.ContentProducer is { Length: > 0 } producer
        ? timeline.ImplicitLabel?.WithProducer(producer)
        : timeline.ImplicitLabel)?.ToMetadataValue();

    /// <summary>Per film file written: its chunks reused and encoded.</summary>
    public IReadOnlyList<RenditionReuse> Reuse => _films.Select(f => f.Reuse).ToList();

    /// <summary>Whether the sound came whole from the render cache.</summary>
    public bool SoundReused { get; private set; }

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var font = await fonts.LocateAsync();
        var keys = new RenderKeys(await runner.VersionAsync(), $"{font.Family}|{font.FilePath}|{font.FaceIndex}");
        var keyInputs = await InputIdentity.OfAsync(timeline, inputs, cancellationToken);
        var whole = renders is null ? null : new WholeAssemblies(renders, keys, WrittenAfresh);
        var wholeKey = whole?.KeyOf(timeline, keyInputs, options);
        if (wholeKey is not null && await whole!.RestoreAsync(wholeKey, output, timeline.TotalFrames, cancellationToken) is { } found)
        {
            _films.AddRange(found.Renditions.Select(r => (r, r.SecondsSaved)));
            SoundReused = true;
            await WriteAsync(OtioName, OtioWriter.Write(timeline, MediaUrl), cancellationToken);
            logger.LogInformation("Nothing that shapes {Film} changed: its {Files} outputs copied from the render cache in {Seconds:0.0} s", timeline.FilmId, found.Files.Count, clock.Elapsed.TotalSeconds);
            return found.Files;
        }

        await AssembleAsync(font, keys, keyInputs, clock, cancellationToken);
        if (wholeKey is not null)
        {
            var allReused = _films.Select(f => f.Reuse with { Reused = f.Reuse.Chunks, Encoded = 0, SecondsSaved = Math.Round(f.Worth, 1) }).ToList();
            await whole!.KeepAsync(wholeKey, output, scratch, _written, allReused, clock.Elapsed.TotalSeconds, cancellationToken);
        }

        return _written;
    }

    /// <summary>timeline.otio names the inputs' local paths, which differ from run to run: it is never taken from an earlier assembly.</summary>
    private static bool WrittenAfresh(string name) => name == OtioName;

    private async Task AssembleAsync(CjkFont font, RenderKeys keys, AssemblyInputs keyInputs, System.Diagnostics.Stopwatch clock, CancellationToken cancellationToken)
    {
        var renditions = timeline.EffectiveRenditions();
        var logoImage = inputs.Logo is null ? ((int, int)?)null : await ImageSizeAsync(inputs.Logo, cancellationToken);
        var looks = ArtWriter.Renditions(timeline, renditions, logoImage, font.Family);
        var extras = new ExtrasPlan(ShotFrames(), timeline.PosterFrame, scratch,
            await ArtWriter.StillLabelAsync(timeline, font.Family, scratch, cancellationToken),
            ArtWriter.Logo(timeline, logoImage, timeline.Size, SafeArea.For(timeline.Aspect)));
        var gatherer = new ExtrasGatherer(extras);
        var chunks = ChunkPlanner.Plan(timeline, options.MaxClipsPerChunk);
        var targets = renditions.Select(r => r.LoudnessLufs).Distinct().ToList();

        IReadOnlyDictionary<double, string> sounds = new Dictionary<double, string>();
        Picture? picture = null;
        async Task PictureAsync(CancellationToken token)
        {
            picture = await new PictureRenderer(runner, options, renders, keys, timeline, inputs, keyInputs, scratch, progress, logger).RenderAsync(chunks, looks, extras, gatherer, token);
            logger.LogInformation("Picture of {Film}: {Chunks} chunk(s), {Seconds:0.0} s", timeline.FilmId, chunks.Count, clock.Elapsed.TotalSeconds);
        }

        async Task SoundAsync(CancellationToken token)
        {
            (sounds, var reused) = await new SoundRenderer(runner, options, renders, keys).RenderAsync(timeline, inputs, keyInputs, targets, scratch, progress, token);
            SoundReused = reused;
            logger.LogInformation("Sound of {Film}: {Seconds:0.0} s{Reused}", timeline.FilmId, clock.Elapsed.TotalSeconds, reused ? " (reused)" : "");
        }

        // The sound runs beside the picture, except for long films: its process opens every clip at once
        // (a few MB each), so from a few dozen clips on it runs first, and never adds to a picture process's memory.
        if (timeline.Clips.Count <= SoundBesidePictureMaxClips)
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
            await muxer.MuxAsync(picture!.Segments[r], sounds[renditions[r].LoudnessLufs], timeline.Title, ImplicitLabel, Path.Combine(output, name), Step("mux", (double)r / renditions.Count), cancellationToken,
                comment: DraftComment);
            _written.Add(name);
            var (reused, encoded, saved, made) = picture.Tallies[r];
            _films.Add((new RenditionReuse(name, chunks.Count, reused, encoded, saved), saved + made));
        }

        // The clean master is the master's picture; its sound is that of the master's rendition, when there is one.
        var masterSound = sounds[(renditions.FirstOrDefault(r => r.Aspect == timeline.Aspect) ?? renditions[0]).LoudnessLufs];
        logger.LogInformation("Renditions of {Film} muxed at {Seconds:0.0} s", timeline.FilmId, clock.Elapsed.TotalSeconds);
        if (timeline.CleanMaster) await CleanMasterAsync(masterSound, keys, keyInputs, cancellationToken);
        logger.LogInformation("Clean master of {Film} done at {Seconds:0.0} s", timeline.FilmId, clock.Elapsed.TotalSeconds);
        foreach (var track in timeline.Captions)
        {
            await WriteAsync($"{timeline.OutputName}.{track.Language}.srt", CaptionFileWriter.ToSrt(track, timeline.Fps, timeline.TotalFrames), cancellationToken);
            await WriteAsync($"{timeline.OutputName}.{track.Language}.vtt", CaptionFileWriter.ToVtt(track, timeline.Fps, timeline.TotalFrames), cancellationToken);
        }
        await ExtrasAsync(extras, gatherer, font, cancellationToken);
    }

    private string? DraftComment => timeline.Draft ? DraftProfile.Describe(timeline, options) : null;

    private async Task CleanMasterAsync(string sound, RenderKeys keys, AssemblyInputs keyInputs, CancellationToken cancellationToken)
    {
        var profile = NormalisedProfile.For(timeline.Size, timeline.Fps, options);
        var copies = await new NormalisedCopies(runner, options, cache).EnsureAsync(timeline, inputs, profile, scratch, Step("clean-master", 0), cancellationToken);
        var pieces = CleanMasterPlan.Plan(timeline, copies, profile.Gop);
        var name = $"{timeline.OutputName}.{timeline.Aspect.FileTag}.clean.mp4";
        progress?.Report(new AssemblyProgress("clean-master", 0.5));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (reused, encoded, saved) = await new CleanMasterRenderer(runner, options, logger, renders, keys).RenderAsync(
            timeline, copies, profile, pieces, sound, ImplicitLabel, scratch, Path.Combine(output, name), cancellationToken,
            keyInputs.Clips.Select(clip => $"{clip}-{profile.Tag}").ToList());
        _written.Add(name);
        _films.Add((new RenditionReuse(name, reused + encoded, reused, encoded, saved), saved + clock.Elapsed.TotalSeconds));
    }

    private async Task ExtrasAsync(ExtrasPlan extras, ExtrasGatherer gatherer, CjkFont font, CancellationToken cancellationToken)
    {
        progress?.Report(new AssemblyProgress("extras", 0));
        if (gatherer.Poster() is { } poster) Keep(poster, "poster.jpg");
        var sheet = Path.Combine(scratch, "contact-sheet.jpg");
        await new ContactSheet(runner).WriteAsync(timeline, extras, font, sheet, cancellationToken);
        Keep(sheet, "contact-sheet.jpg");
        await WriteAsync(OtioName, OtioWriter.Write(timeline, MediaUrl), cancellationToken);
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
