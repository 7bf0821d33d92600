using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Jobs;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>A render killed in the middle and resumed: nothing made or submitted before the kill is done again.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task KilledRender_Resume_FinishesWithoutMakingAnyFinishedShotAgain()
    {
        var order = _workspace.Write("slow.yaml", TestOrders.Slow(shots: 5));
        using var render = _workspace.Cli.Start("render", order, "-o", _workspace.Out);
        var stdout = new LineReader(render);
        var filmId = await stdout.WaitForAsync("film: ");
        await stdout.WaitForAsync(": generated");
        render.Kill(entireProcessTree: true);
        await render.WaitForExitAsync();

        var clipsBeforeKill = ClipsInStore();
        clipsBeforeKill.Should().NotBeEmpty("the render was killed after a shot was generated");
        clipsBeforeKill.Should().HaveCountLessThan(5, "the render was killed before the last shot");

        var resumed = await _workspace.Cli.RunAsync("resume", filmId);

        resumed.ExitCode.Should().Be(0, resumed.ToString());
        var report = JsonSerializer.Deserialize<FilmReport>(
            File.ReadAllText(Path.Combine(_workspace.FilmFolder(filmId), "report.json")), WorkflowJson.Options)!;
        report.Shots.Generated.Should().Be(5, "every shot is counted once as generated, however many runs it took");
        report.Shots.FromCache.Should().Be(0);
        foreach (var (key, written) in clipsBeforeKill)
        {
            File.GetLastWriteTimeUtc(ClipPath(key)).Should().Be(written, "a clip finished before the kill is never made again");
            Ledger(key).Submissions.Should().Be(1, "a job recorded before the kill is never submitted again");
        }
    }

    public void Dispose() => _workspace.Dispose();

    private Dictionary<string, DateTime> ClipsInStore()
    {
        var folder = Path.Combine(_workspace.Cli.Home, "store", "clips");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.mp4").ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.GetLastWriteTimeUtc)
            : [];
    }

    private string ClipPath(string key) => Path.Combine(_workspace.Cli.Home, "store", "clips", key + ".mp4");

    private JobLedgerEntry Ledger(string key) => JsonSerializer.Deserialize<JobLedgerEntry>(
        File.ReadAllText(Path.Combine(_workspace.Cli.Home, "store", "jobs", key + ".json")), WorkflowJson.Options)!;
}
