using System.Text.Json;
using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests.Support;

/// <summary>
/// Runs `cloudreel render` inside the test process (the same command code, engine, journal, store,
/// FFmpeg and adapters as the real binary), with a home whose appsettings.json points at the fakes.
/// </summary>
internal sealed class InProcessCli(Workspace workspace)
{
    public string Home => Path.Combine(workspace.Root, "home");

    public async Task<RenderRun> RenderAsync(string orderPath, bool dryRun = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(new CloudReelHome(Home), verbose: false, plain: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exit = await RenderCommand.RunAsync(context, new FileInfo(orderPath), new DirectoryInfo(workspace.Out), stdout, stderr, timeout.Token, dryRun);
        return new RenderRun(exit, stdout.ToString(), stderr.ToString(), workspace.Out);
    }
}

internal sealed record RenderRun(int ExitCode, string Stdout, string Stderr, string Out)
{
    public string FilmId => new CliResult(ExitCode, Stdout, Stderr).FilmId;

    public FilmReport Report => JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(Out, FilmId, "report.json")), WorkflowJson.Options)!;

    public ShotReport Shot(string id) => Report.ShotDetails.Single(s => s.Id == id);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
