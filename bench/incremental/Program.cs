using System.Diagnostics;
using CloudReel.Bench.Assembly;
using CloudReel.Bench.Incremental;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Local.Store;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Probing;
using Microsoft.Extensions.Logging.Abstractions;
using static CloudReel.Bench.Assembly.BenchMedia;

// Usage: CloudReel.Bench.Incremental [--work DIR] [--cli PATH/cloudreel.dll]
// The 12-clip 1080p film of bench/assembly: a full assembly into an empty render cache, then (a) one
// shot's clip replaced, (b) one caption changed, (c) nothing changed, each against the full assembly,
// each checked against a from-scratch assembly of the same edit. With --cli, the sample film as a
// draft against the full render, both with every clip already made.
var work = Path.GetFullPath(args.SkipWhile(a => a != "--work").Skip(1).FirstOrDefault() ?? Path.Combine("artifacts", "bench", "incremental"));
var cli = args.SkipWhile(a => a != "--cli").Skip(1).FirstOrDefault();
var runner = new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance);
var options = new AssemblyOptions();
Console.WriteLine($"Load average at the start: {Load()} ({Environment.ProcessorCount} cores)");

var media = new BenchMedia(runner, Path.Combine(work, "media"));
Console.WriteLine("Preparing 12 clips of 5 s at 1920x1080, 30 fps, and a new take of one ...");
var clips = await media.ClipsAsync(12, 5, 1920, 1080, BenchFilm.Fps);
var newTake = await media.ReplacementAsync(5, 1920, 1080, BenchFilm.Fps);
var film = BenchFilm.Timeline(clips, cleanMaster: false);
var files = clips.ToDictionary(c => c, c => c);
files["music"] = await media.MusicAsync(Math.Ceiling(film.TotalSeconds) + 2);
files[newTake] = newTake;
Console.WriteLine(Inv($"Film: {film.TotalSeconds:0.0} s, {film.TotalFrames} frames, 2 renditions (16:9, 9:16), bilingual captions, ducked music; x264 {options.Preset} crf {options.Crf}"));

var cache = new RenderCache(new FolderClipStore(Fresh("render-cache")));
var incremental = Engine(cache);
var fromScratch = Engine(null);
var clipReplaced = film with { Clips = film.Clips.Select((c, i) => i == 6 ? c with { ClipName = newTake } : c).ToList() };
var captionChanged = film with
{
    Captions = film.Captions.Select(t => t with { Cues = t.Cues.Select((c, i) => i == 3 ? c with { Text = t.Language == "en" ? "Shot 4: the Bund at night, every window lit" : "第4个镜头：夜色中的外滩，灯火通明" } : c).ToList() }).ToList(),
};

var full = await MeasureAsync("full assembly (empty render cache)", incremental, film, "full");
// What the full assembly cost before chunks became the unit of reuse: six clips per chunk, two processes.
var coarse = await MeasureAsync("full assembly, 6 clips per chunk", Engine(null, maxClipsPerChunk: 6), film, "full-coarse");
var edits = new List<(string Name, Run Run, Run Reference, FilmTimeline Timeline, double Target)>();
var a = await MeasureAsync("(a) one shot's clip replaced", incremental, clipReplaced, "a");
edits.Add(("(a) one shot's clip replaced", a, await MeasureAsync("    (a) from scratch", fromScratch, clipReplaced, "a-scratch"), clipReplaced, 0.25));
var b = await MeasureAsync("(b) one caption changed", incremental, captionChanged, "b");
edits.Add(("(b) one caption changed", b, await MeasureAsync("    (b) from scratch", fromScratch, captionChanged, "b-scratch"), captionChanged, 0.25));
var c = await MeasureAsync("(c) nothing changed", incremental, film, "c");
edits.Add(("(c) nothing changed", c, full, film, 0.05));

Console.WriteLine();
Console.WriteLine("Checks against a from-scratch assembly of the same edit (frames from the MP4 index; PSNR of every decoded frame; freezedetect over the film):");
var passed = true;
var joins = Joins(film);
foreach (var (name, run, reference, timeline, _) in edits)
{
    foreach (var rendition in run.Result.Files.Where(f => f.EndsWith(".mp4", StringComparison.Ordinal)))
    {
        var check = await FilmCheck.RunAsync(runner, Path.Combine(run.Folder, rendition), Path.Combine(reference.Folder, rendition), timeline.Fps, joins, work);
        var frozenAtJoins = check.FreezeStarts.Where(f => joins.Any(j => Math.Abs(f - j) <= 2)).ToList();
        var ok = check.Frames == timeline.TotalFrames && check.ReferenceFrames == timeline.TotalFrames
            && Math.Abs(check.AudioSeconds - timeline.TotalSeconds) <= 1.0 / timeline.Fps && check.MinimumPsnr > 40 && frozenAtJoins.Count == 0;
        passed &= ok;
        Console.WriteLine(Inv($"  {name,-30} {rendition,-14} {check.Frames} frames (scratch {check.ReferenceFrames}, timeline {timeline.TotalFrames}), sound {check.AudioSeconds:0.000} s; ") +
            $"PSNR min {Db(check.MinimumPsnr)} (at the {joins.Count} joins {Db(check.MinimumPsnrAtJoins)}); " +
            $"frozen: {Frames(check.FreezeStarts)}  {(ok ? "ok" : "FAILED")}");
    }
}

// The freeze check can fail: the same film with one frame shown twice at a join is caught.
var control = Path.Combine(a.Folder, a.Result.Files.First(f => f.EndsWith(".16x9.mp4", StringComparison.Ordinal)));
var duplicated = await FilmCheck.FreezesAsync(runner, control, film.Fps, Inv($"loop=loop=1:size=1:start={joins[5]}"));
var caught = duplicated.Any(f => Math.Abs(f - joins[5]) <= 1);
passed &= caught;
Console.WriteLine($"  control: (a) with frame {joins[5]} (a join) shown twice: freezedetect finds {Frames(duplicated)}  {(caught ? "ok" : "FAILED")}");

Console.WriteLine();
Console.WriteLine(Inv($"{"",-34}{"wall",9}{"ratio",8}{"target",8}{"CPU",9}{"ratio",8}   rendition chunks encoded/reused, sound"));
Console.WriteLine(Inv($"{full.Name,-34}{full.Seconds,8:0.0}s{1,8:0.000}{"",8}{full.CpuSeconds,8:0.0}s{1,8:0.000}   {Chunks(full.Result)}"));
Console.WriteLine(Inv($"{coarse.Name,-34}{coarse.Seconds,8:0.0}s{coarse.Seconds / full.Seconds,8:0.000}{"",8}{coarse.CpuSeconds,8:0.0}s{coarse.CpuSeconds / full.CpuSeconds,8:0.000}"));
foreach (var (name, run, reference, _, target) in edits)
{
    var ratio = run.Seconds / full.Seconds;
    passed &= ratio <= target;
    Console.WriteLine(Inv($"{name,-34}{run.Seconds,8:0.0}s{ratio,8:0.000}{target,8:0.00}{run.CpuSeconds,8:0.0}s{run.CpuSeconds / full.CpuSeconds,8:0.000}   {Chunks(run.Result)}  {(ratio <= target ? "ok" : "OVER TARGET")}"));
    if (reference != full) Console.WriteLine(Inv($"{"    from scratch, same edit",-34}{reference.Seconds,8:0.0}s{reference.Seconds / full.Seconds,8:0.000}{"",8}{reference.CpuSeconds,8:0.0}s{reference.CpuSeconds / full.CpuSeconds,8:0.000}"));
}

if (cli is not null) passed &= await SampleDraftAsync(Path.GetFullPath(cli));
Console.WriteLine($"Load average at the end: {Load()}");
Console.WriteLine(passed ? "All targets and checks met." : "SOME TARGETS OR CHECKS WERE NOT MET.");
return passed ? 0 : 1;

FfmpegMediaEngine Engine(RenderCache? renders, int maxClipsPerChunk = 1) =>
    new(runner, new FfprobeClipProber(runner), new FontLocator(), NullLogger<FfmpegMediaEngine>.Instance, options with { MaxClipsPerChunk = maxClipsPerChunk }, renders: renders);

async Task<Run> MeasureAsync(string name, FfmpegMediaEngine engine, FilmTimeline timeline, string folder)
{
    Console.WriteLine($"Running {name.Trim()} ...");
    var output = Fresh(folder);
    var cpu = CpuClock.Seconds();
    var clock = Stopwatch.StartNew();
    var result = await engine.AssembleAsync(timeline, files, output);
    return new Run(name, clock.Elapsed.TotalSeconds, CpuClock.Seconds() - cpu, output, result);
}

// Chunks start where a clip's body starts, after its incoming transition, and where that transition starts (one clip per chunk).
static List<int> Joins(FilmTimeline timeline)
{
    var starts = timeline.ClipStartFrames();
    return Enumerable.Range(1, timeline.Clips.Count - 1)
        .SelectMany(i => timeline.Clips[i - 1].TransitionOut?.Frames is > 0 and var overlap ? new[] { starts[i], starts[i] + overlap } : [starts[i]])
        .ToList();
}

static string Chunks(AssemblyResult result) =>
    string.Join(", ", result.Renditions.Select(r => $"{r.File.Split('.')[^2]} {r.Encoded}/{r.Reused}")) + (result.SoundReused ? ", sound reused" : ", sound made");

static string Frames(IReadOnlyList<int> frames) =>
    frames.Count == 0 ? "none" : string.Join(", ", frames.Take(8)) + (frames.Count > 8 ? $" … ({frames.Count} in all)" : "");

static string Db(double psnr) => double.IsPositiveInfinity(psnr) ? "inf (identical)" : Inv($"{psnr:0.0} dB");

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

string Fresh(string name)
{
    var path = Path.Combine(work, "runs", name);
    if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    Directory.CreateDirectory(path);
    return path;
}

// The sample film with every clip already made (as after a first render, or a draft): `render --draft`
// against `render`, each with an empty render cache and no normalised copies, so neither reuses the other.
async Task<bool> SampleDraftAsync(string cloudreel)
{
    var home = Fresh("sample-home");
    var output = Fresh("sample-out");
    var order = Path.GetFullPath(Path.Combine("samples", "shanghai-clay", "order.yaml"));
    Console.WriteLine();
    var first = await CliAsync(cloudreel, home, "sample film, first render (clips made)", "render", order, "-o", output);
    Forget(home);
    var draft = await CliAsync(cloudreel, home, "sample film, render --draft", "render", order, "-o", output, "--draft");
    Forget(home);
    var whole = await CliAsync(cloudreel, home, "sample film, render", "render", order, "-o", output);
    var ratio = draft.Wall / whole.Wall;
    Console.WriteLine(Inv($"{"",-42}{"wall",9}{"ratio",8}{"CPU",9}{"ratio",8}"));
    Console.WriteLine(Inv($"{"sample film, first render (clips made)",-42}{first.Wall,8:0.0}s{"",8}{first.Cpu,8:0.0}s"));
    Console.WriteLine(Inv($"{"sample film, render (clips in the cache)",-42}{whole.Wall,8:0.0}s{1,8:0.000}{whole.Cpu,8:0.0}s{1,8:0.000}"));
    Console.WriteLine(Inv($"{"sample film, render --draft (the same)",-42}{draft.Wall,8:0.0}s{ratio,8:0.000}{draft.Cpu,8:0.0}s{draft.Cpu / whole.Cpu,8:0.000}  target 0.20 {(ratio <= 0.2 ? "ok" : "OVER TARGET")}"));
    return ratio <= 0.2;
}

static void Forget(string home)
{
    foreach (var kept in new[] { "renders", "normalised" })
    {
        var folder = Path.Combine(home, "store", StoreLayout.ClipsPrefix, kept);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}

static async Task<(double Wall, double Cpu)> CliAsync(string cloudreel, string home, string name, params string[] arguments)
{
    Console.WriteLine($"Running {name} ...");
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[] { cloudreel }.Concat(arguments).Append("--plain")) start.ArgumentList.Add(argument);
    start.Environment["CLOUDREEL_HOME"] = home;
    var cpu = CpuClock.Seconds();
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var seconds = (clock.Elapsed.TotalSeconds, CpuClock.Seconds() - cpu);
    if (process.ExitCode != 0) throw new InvalidOperationException($"cloudreel {string.Join(' ', arguments)} failed:\n{await stdout}\n{await stderr}");
    foreach (var line in (await stdout).Split('\n').Where(l => l.Contains("chunks encoded", StringComparison.Ordinal) || l.Contains("sound:", StringComparison.Ordinal)))
    {
        Console.WriteLine("    " + line.Trim());
    }

    return seconds;
}

internal sealed record Run(string Name, double Seconds, double CpuSeconds, string Folder, AssemblyResult Result);
