using System.CommandLine;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Progress;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel assemble --job &lt;film-id | job.json&gt;`: assembles one film from its assembly job,
/// reading clips from and writing outputs to the clip store (films/&lt;film-id&gt;/, with
/// assembly-result.json last): a film made again from its clips. The assembler container runs the
/// same job runner from the assembly queue (cloudreel-assembler, functions/CloudReel.Assembler).
/// </summary>
public static class AssembleCommand
{
    public static Command Create(GlobalOptions global)
    {
        var job = new Option<string>("--job")
        {
            Description = "A film id (its job is read from films/<film-id>/assembly-job.json in the store) or the path of a job .json file.",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder that holds films/ of a local store; each film is a sub-folder named by its id.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var command = new Command("assemble", "Assemble a film from its assembly job: clips from the store in, every rendition and extra out.") { job, output };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(global.Resolve(parse), parse.GetValue(job)!, parse.GetValue(output)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string job, DirectoryInfo output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        context.Home.EnsureCreated();
        if (!context.TryParseStore(stderr, out var location)) return ExitCodes.InvalidInput;

        using var loggerFactory = context.CreateLoggerFactory();
        var progress = new ProgressRelay();
        await using var services = EngineHost.BuildServices(context.Home, CliConfiguration.Build(context.Home), output.FullName, loggerFactory, progress, location);
        var runner = services.GetRequiredService<AssemblyJobRunner>();
        var loaded = await LoadAsync(runner, job, stderr, cancellationToken);
        if (loaded is null) return ExitCodes.InvalidInput;

        await stdout.WriteLineAsync($"film: {loaded.FilmId}");
        var store = services.GetRequiredService<IClipStore>();
        try
        {
            if (File.Exists(job)) await runner.SaveJobAsync(loaded, cancellationToken);
            var view = new LineProgressView(stdout);
            var result = await runner.RunAsync(loaded, new Media.Ffmpeg.SyncProgress<AssemblyProgress>(p => view.Report(loaded.FilmId, p)), cancellationToken);
            await stdout.WriteLineAsync($"Assembled {result.FilmSeconds:0.00} s ({result.FilmFrames} frames) into {store.Describe()} {StoreLayout.FilmFolder(loaded.FilmId)}:");
            foreach (var file in result.Files) await stdout.WriteLineAsync($"  {file}");
            await stdout.WriteLineAsync($"  {AssemblyJobRunner.ResultFileName}");
            foreach (var line in ReuseLines.Of(result.Renditions, result.SoundReused)) await stdout.WriteLineAsync(line);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is FfmpegNotFoundException or CjkFontMissingException)
        {
            await stderr.WriteLineAsync(e.Message);
            return ExitCodes.Environment;
        }
        catch (Exception e) when (e is FfmpegException or BadClipException or FileNotFoundException or ArgumentException or InvalidDataException)
        {
            await stderr.WriteLineAsync($"Assembly of {loaded.FilmId} failed: {e.Message}");
            return ExitCodes.FilmFailed;
        }
    }

    /// <summary>The job from a file, or from the store by film id; null (with the reason printed) when there is none.</summary>
    private static async Task<AssemblyJob?> LoadAsync(AssemblyJobRunner runner, string job, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            if (File.Exists(job))
            {
                return WorkflowJson.Deserialize<AssemblyJob>(await File.ReadAllTextAsync(job, cancellationToken))
                    ?? throw new InvalidDataException("it holds no job");
            }

            if (!StoreLayout.IsValidId(job))
            {
                await stderr.WriteLineAsync($"'{job}' is neither a job file nor a film id (lower-case letters, digits and dashes).");
                return null;
            }

            return await runner.LoadJobAsync(job, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            await stderr.WriteLineAsync($"No assembly job for film '{job}': {StoreLayout.FilmOutput(job, AssemblyJobRunner.JobFileName)} is not in the store.");
            return null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            await stderr.WriteLineAsync($"{job}: not an assembly job: {e.Message}");
            return null;
        }
    }
}
