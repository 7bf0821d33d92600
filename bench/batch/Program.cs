using System.Diagnostics;
using System.Globalization;
using System.Text;
using CloudReel.Bench.Batch;
using CloudReel.Cli.Batches;
using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;
using ShotOrchestration = CloudReel.Core.Workflow.ShotOrchestration;
using ShotOutcome = CloudReel.Core.Workflow.ShotOutcome;
using ShotSource = CloudReel.Core.Workflow.ShotSource;
using CloudReel.Local.Engine;
using Microsoft.DurableTask;

// bench/batch, one measurement per process (so peak memory is this run's alone); run.sh runs them and prints the ratios:
//   run FILMS FILMS-AT-ONCE     a real batch: every row its own three shots
//   cached ROWS FILMS-AT-ONCE   a real batch whose rows share one shot (same content key): made once, the rest from the clip cache
//   dry ROWS                    a dry run
//   engine FILMS FILMS-AT-ONCE  the engine alone, every activity returning at once
// CLOUDREEL_BENCH_KEEP=1 keeps the run's folder (journal, store, outputs) for a look afterwards.
var mode = args.Length > 0 ? args[0] : "run";
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var filmsAtOnce = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var root = Path.Combine(Path.GetTempPath(), "cloudreel-bench-batch", $"{mode}-{rows}-{Guid.NewGuid():n}");
Directory.CreateDirectory(root);
try
{
    if (mode == "engine")
    {
        var (engineWall, engineFigures) = await EngineOnly.RunAsync(Path.Combine(root, "engine.db"), rows, filmsAtOnce);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            engine alone, {rows} films x 3 shots, every activity returning at once, {filmsAtOnce} films at once
              wall time                     {engineWall:0.00} s ({engineWall * 1000 / engineFigures.Shots:0.0} ms per shot)
              {Overhead(engineFigures)}
            """));
        return 0;
    }

    var template = Path.Combine(root, "template.yaml");
    var data = Path.Combine(root, "rows.csv");
    await File.WriteAllTextAsync(template, mode == "cached" ? Templates.SharedShot : Templates.Postcard);
    var csv = new StringBuilder("name,place\n");
    for (var i = 1; i <= rows; i++) csv.Append(CultureInfo.InvariantCulture, $"p{i},Place {i}\n");
    await File.WriteAllTextAsync(data, csv.ToString());

    var home = new CloudReelHome(Path.Combine(root, "home"));
    var context = new CliContext(home, verbose: false, plain: true);
    var request = new BatchRequest(new FileInfo(template), new FileInfo(data), new DirectoryInfo(Path.Combine(root, "out")), filmsAtOnce, null);
    var output = new StringWriter();
    var errors = new StringWriter();
    var clock = Stopwatch.StartNew();
    var exit = await BatchCommand.RunAsync(context, request, mode == "dry", output, errors, CancellationToken.None);
    var wall = clock.Elapsed.TotalSeconds;
    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    if (exit != 0)
    {
        Console.Error.WriteLine($"exit {exit}\n{output}\n{errors}");
        return 1;
    }

    if (mode == "dry")
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dry {rows} rows: {wall:0.00} s, peak working set {peakMb:0} MB"));
        return 0;
    }

    await using var journal = await LocalWorkflowEngine.OpenAsync(new LocalEngineOptions { JournalPath = home.JournalPath }, new DurableTaskRegistry());
    var figures = await JournalFigures.ReadAsync(journal, activityWorkers: 4);
    var cores = Environment.ProcessorCount;
    if (mode == "cached")
    {
        var sources = (await journal.ListInstancesAsync())
            .Where(i => i.Name == nameof(ShotOrchestration))
            .GroupBy(i => i.ReadOutputAs<ShotOutcome>()!.Source)
            .ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            cached {rows} rows: one 1-second 144p shot shared by every row, {filmsAtOnce} films at once, {cores} cores
              wall time                     {wall:0.0} s ({rows / wall * 60:0.0} films per minute)
              shots                         {sources.GetValueOrDefault(ShotSource.Generated)} generated, {sources.GetValueOrDefault(ShotSource.Cache)} from the clip cache
              {Overhead(figures)}
              peak working set {peakMb:0} MB
            """));
        return 0;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        batch of {rows} films × 3 one-second shots at 144p (animatic, cuts), {filmsAtOnce} films at once, {cores} cores
          wall time                     {wall:0.0} s ({rows / wall * 60:0.0} films per minute)
          shots in the journal          {figures.Shots}
          {Overhead(figures)}
          peak working set              {peakMb:0} MB ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections)
          critical path (slowest film)  {figures.SlowestFilmSeconds:0.0} s  -> wall / critical path = {wall / figures.SlowestFilmSeconds:0.00}
          activity busy time            {figures.ActivitySeconds:0.0} s  -> wall / (activity time / cores) = {wall / (figures.ActivitySeconds / cores):0.00}
        """));
    return 0;
}
finally
{
    if (Environment.GetEnvironmentVariable("CLOUDREEL_BENCH_KEEP") == "1")
    {
        Console.Error.WriteLine($"kept {root}");
    }
    else
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

static string Overhead(JournalFigures figures) => string.Create(CultureInfo.InvariantCulture, $"""
    orchestration overhead        {figures.EngineBusySeconds * 1000 / Math.Max(1, figures.Shots):0.0} ms per shot (wall time some instance waited on the engine)
      summed over instances       {figures.EngineSeconds * 1000 / Math.Max(1, figures.Shots):0.0} ms per shot (each instance's own waits: latency)
    """);
