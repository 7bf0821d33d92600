using CloudReel.Core.Jobs;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Writes report.json and provenance.json for a film, adding from the job ledger how many provider
/// jobs each shot's clips took over every run.
/// </summary>
public sealed class WriteFilmReportActivity(IClipStore store, JobLedger ledger, IHostApplicationLifetime host) : TaskActivity<FilmReport, IReadOnlyList<string>>
{
    public const string ReportFileName = "report.json";
    public const string ProvenanceFileName = "provenance.json";

    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, FilmReport report)
    {
        var cancellation = host.ApplicationStopping;
        var shots = new List<ShotReport>();
        foreach (var shot in report.ShotDetails)
        {
            var submissions = 0;
            foreach (var key in shot.Attempts.Select(a => a.ContentKey).Distinct(StringComparer.Ordinal))
            {
                submissions += (await ledger.GetAsync(key, cancellation))?.Submissions ?? 0;
            }

            shots.Add(shot with { Submissions = submissions });
        }

        var complete = report with { ShotDetails = shots, Outputs = [.. report.Outputs, ReportFileName, ProvenanceFileName] };
        await WriteJsonAsync(ReportFileName, complete, report.FilmId, cancellation);
        await WriteJsonAsync(ProvenanceFileName, Provenance.From(complete), report.FilmId, cancellation);
        return [ReportFileName, ProvenanceFileName];
    }

    private Task<bool> WriteJsonAsync(string fileName, object value, string filmId, CancellationToken cancellation) =>
        store.PutTextAsync(
            StoreLayout.FilmOutput(filmId, fileName),
            System.Text.Json.JsonSerializer.Serialize(value, WorkflowJson.Indented),
            ContentTypes.Of(fileName),
            overwrite: true,
            cancellation);
}
