using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Jobs;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>The real `cloudreel batch`: the films of every row, their outputs per row key, and a batch killed with -9 then resumed.</summary>
public sealed class BatchRunTests : IDisposable
{
    private const string Template = """
        title: "{{ city }} by night"
        resolution: 360p
        model: animatic
        variables:
          city: string
        shots:
          - id: quay
            prompt: "Boats at the quay of {{ city }} after dark"
            seconds: 4
            camera: push-in
          - id: lamps
            prompt: "Street lamps coming on in {{ city }}"
            seconds: 4
            camera: pan-right
        """;

    private readonly Workspace _workspace = new();

    [Fact]
    public async Task KilledBatch_ResumeBatchId_FinishesEveryRow_WithNoShotGeneratedTwice_AndOutputsPerRowKey()
    {
        var template = _workspace.Write("night/template.yaml", Template);
        var data = _workspace.Write("night/cities.csv", "name,city\noslo,Oslo\nbergen,Bergen\ntromso,Tromsø\n");
        using var batch = _workspace.Cli.Start("batch", template, data, "-o", _workspace.Out, "--films-at-once", "1", "--detail");
        var stdout = new LineReader(batch);
        var batchId = (await stdout.WaitForAsync("batch: ")).Trim();
        await stdout.WaitForAsync("bergen shot quay: generated");
        batch.Kill(entireProcessTree: true);
        await batch.WaitForExitAsync();
        var clipsBeforeKill = ClipsInStore();
        clipsBeforeKill.Should().HaveCountGreaterThanOrEqualTo(3, "oslo's two shots and bergen's first were made before the kill");

        var resumed = await _workspace.Cli.RunAsync("resume", batchId);

        resumed.ExitCode.Should().Be(0, resumed.ToString());
        resumed.Stdout.Should().Contain($"Batch {batchId}: 3 of 3 row(s) completed, 0 failed");
        var report = JsonSerializer.Deserialize<BatchReport>(File.ReadAllText(Path.Combine(_workspace.Out, batchId, "batch-report.json")), WorkflowJson.Options)!;
        report.Rows.Select(r => (r.Key, r.Status)).Should().Equal(("oslo", "completed"), ("bergen", "completed"), ("tromso", "completed"));
        foreach (var (key, written) in clipsBeforeKill)
        {
            File.GetLastWriteTimeUtc(ClipPath(key)).Should().Be(written, "a clip finished before the kill is never made again");
        }

        foreach (var key in ClipsInStore().Keys) Ledger(key).Submissions.Should().Be(1, "no shot of the batch is generated twice, across the kill");
        ClipsInStore().Should().HaveCount(6);
        Directory.GetFiles(Path.Combine(_workspace.Out, batchId, "tromso"), "*.16x9.mp4").Should().ContainSingle("each row's film is found under its key");
        File.ReadAllText(Path.Combine(_workspace.Out, batchId, "batch-report.csv")).Should().Contain("2,bergen,");

        var status = await _workspace.Cli.RunAsync("status");
        status.Stdout.Should().Contain(batchId).And.Contain("completed (3/3 rows, 0 failed)");
        var again = await _workspace.Cli.RunAsync("batch", template, data, "-o", _workspace.Out);
        again.Stdout.Should().Contain($"batch: {batchId}").And.Contain("has already finished");
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
