using System.Diagnostics;
using CloudReel.Bench.Assembly;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Clean;
using CloudReel.Media.Assembly.Join;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Video;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using Microsoft.Extensions.Logging.Abstractions;
using static CloudReel.Bench.Assembly.BenchMedia;

// Usage: CloudReel.Bench.Assembly [clips=12] [--no-baseline] [--no-clean-master] [--work DIR]
var clipCount = args.FirstOrDefault(a => int.TryParse(a, out _)) is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 12;
var withBaseline = !args.Contains("--no-baseline");
var withCleanMaster = !args.Contains("--no-clean-master");
var withOurs = !args.Contains("--clean-master-only");
withBaseline &= withOurs;
var work = args.SkipWhile(a => a != "--work").Skip(1).FirstOrDefault() ?? Path.Combine("artifacts", "bench", "assembly");
work = Path.GetFullPath(work);
var options = new AssemblyOptions();
var runner = new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance);
using var memory = new MemoryWatch();
runner.ProcessStarted = memory.Track;

var media = new BenchMedia(runner, Path.Combine(work, "media"));
Console.WriteLine($"Preparing {clipCount} clips of 5 s at 1920x1080, 30 fps ...");
var clips = await media.ClipsAsync(clipCount, 5, 1920, 1080, BenchFilm.Fps);
var timeline = BenchFilm.Timeline(clips, cleanMaster: false);
var music = await media.MusicAsync(Math.Ceiling(timeline.TotalSeconds) + 2);
var files = clips.ToDictionary(c => c, c => c);
files["music"] = music;
var film = timeline.TotalSeconds;
Console.WriteLine(Inv($"Film: {film:0.0} s, {timeline.TotalFrames} frames, {clipCount - 1} crossfades, 2 renditions (16:9, 9:16), bilingual captions, ducked music, -14 LUFS; x264 {options.Preset} crf {options.Crf}; {Environment.ProcessorCount} cores"));

var engine = new FfmpegMediaEngine(runner, new FfprobeClipProber(runner), new FontLocator(), new StepLogger<FfmpegMediaEngine>(), options);
Measurement? ours = withOurs ? await MeasureAsync("ours", () => engine.AssembleAsync(timeline, files, Fresh("ours"))) : null;
Measurement? baseline = null;
if (withBaseline)
{
    var assFolder = Fresh("ass");
    var font = await new FontLocator().LocateAsync();
    var looks = ArtWriter.Renditions(timeline, timeline.EffectiveRenditions(), null, font.Family);
    var arts = new List<RenditionArt>();
    foreach (var look in looks) arts.Add(await look.ForWholeFilmAsync(Path.Combine(assFolder, $"rendition-{arts.Count}.ass"), CancellationToken.None));
    baseline = await MeasureAsync("baseline", () => new Baseline(runner, options, Fresh("baseline")).RunAsync(timeline, clips, music, arts.Select(a => a.AssPath).ToList()));
}

// The clean master: the fast path (normalised copies cached) against a full re-encode of the same cut.
Measurement? cold = null, fast = null, full = null;
if (withCleanMaster)
{
    var profile = NormalisedProfile.For(timeline.Size, timeline.Fps, options);
    var inputs = new AssemblyInputs(clips, null, null, new Dictionary<int, string>());
    var sound = Path.Combine(Fresh("sound"), "sound.m4a");
    await runner.RunAsync(["-y", "-i", music, "-t", Inv($"{film:0.######}"), "-c:a", "aac", "-b:a", "192k", sound]);
    var cacheFolder = Fresh("normalised");
    var copies = new NormalisedCopies(runner, options, new FolderCache(cacheFolder));
    cold = await MeasureAsync("normalised copies (once per clip, then cached)", () => copies.EnsureAsync(timeline, inputs, profile, cacheFolder, null, CancellationToken.None));
    IReadOnlyList<NormalisedCopy> cached = [];
    fast = await MeasureAsync("clean master, fast path", async () =>
    {
        var folder = Fresh("clean-fast");
        cached = await copies.EnsureAsync(timeline, inputs, profile, folder, null, CancellationToken.None);
        var pieces = CleanMasterPlan.Plan(timeline, cached, profile.Gop);
        await new CleanMasterRenderer(runner, options, new StepLogger<CleanMasterRenderer>()).RenderAsync(timeline, cached, profile, pieces, sound, null, folder, Path.Combine(folder, "clean.mp4"), CancellationToken.None);
    });
    full = await MeasureAsync("clean master, full re-encode", async () =>
    {
        var folder = Fresh("clean-full");
        var master = new RenditionArt(timeline.EffectiveRenditions()[0], null, null);
        var chunks = ChunkPlanner.Plan(timeline, options.MaxClipsPerChunk);
        var segments = new List<string>();
        for (var c = 0; c < chunks.Count; c++)
        {
            segments.Add(Path.Combine(folder, $"segment-{c:D3}.mp4"));
            await runner.RunAsync(ChunkGraph.Arguments(timeline, inputs, chunks[c], [(master, segments[^1])], null, options));
        }

        await new FilmMuxer(runner).MuxAsync(segments, sound, timeline.Title, null, Path.Combine(folder, "clean.mp4"), null, CancellationToken.None);
    });
}

Console.WriteLine();
Console.WriteLine(Inv($"{"",-52}{"wall",10}{"RTF",8}{"peak memory",14}"));
foreach (var m in new[] { ours, baseline, cold, fast, full }.OfType<Measurement>())
{
    Console.WriteLine(Inv($"{m.Name,-52}{m.Seconds,9:0.0}s{m.Seconds / film,8:0.00}{m.PeakMegabytes,11:0} MB"));
}

if (baseline is not null && ours is not null)
{
    Console.WriteLine(Inv($"ratio: ours is {baseline.Seconds / ours.Seconds:0.00}x faster than the baseline, with {baseline.PeakMegabytes / ours.PeakMegabytes:0.0}x less peak memory"));
}

if (fast is not null && full is not null)
{
    Console.WriteLine(Inv($"ratio: the clean master's fast path is {full.Seconds / fast.Seconds:0.00}x faster than its full re-encode"));
}

return 0;

async Task<Measurement> MeasureAsync(string name, Func<Task> run)
{
    memory.Reset();
    Console.WriteLine($"Running {name} ...");
    var clock = Stopwatch.StartNew();
    await run();
    clock.Stop();
    await Task.Delay(100);
    return new Measurement(name, clock.Elapsed.TotalSeconds, memory.PeakMegabytes);
}

string Fresh(string name)
{
    var path = Path.Combine(work, "runs", name);
    if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    Directory.CreateDirectory(path);
    return path;
}

internal sealed record Measurement(string Name, double Seconds, double PeakMegabytes);

/// <summary>Normalised copies kept in a folder, for the clean-master measurements.</summary>
internal sealed class FolderCache(string folder) : CloudReel.Core.Ports.INormalisedClipCache
{
    public Task<string?> FindAsync(string clipName, string profile, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(clipName)) ? PathOf(clipName) : null);

    public Task StoreAsync(string clipName, string profile, string localPath, CancellationToken cancellationToken = default)
    {
        File.Copy(localPath, PathOf(clipName), overwrite: true);
        return Task.CompletedTask;
    }

    private string PathOf(string clipName) => Path.Combine(folder, "copy-" + Path.GetFileName(clipName));
}
