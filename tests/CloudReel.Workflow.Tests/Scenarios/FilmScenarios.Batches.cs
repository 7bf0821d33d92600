using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Local.Orders;
using CloudReel.Models.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>Batches in each home: one BatchOrchestration starting every row's film, capped, a failed row never stopping the others.</summary>
public abstract partial class FilmScenarios
{
    [Fact]
    public async Task Batch_OneRowsModelRefuses_TheOtherRowsCompleteAndTheReportTellsEveryRow()
    {
        using var fetcher = new SafeImageFetcher();
        var rows = Rows("b", ("lisbon", Order("animatic")), ("porto", Order("refuser")), ("faro", Order("animatic")));
        var submission = new BatchSubmission("coast-guide-0badc0de", "Coast guide", "coast.yaml + coast.csv", rows, FilmsAtOnce: 2);

        var admission = await BatchIntake(fetcher).SubmitAsync(Runtime, submission, CancellationToken.None);

        admission.Accepted.Should().BeTrue(admission.Reason);
        admission.Started.Should().BeTrue();
        admission.Estimate!.SharedShots.Should().Be(2, "the first and last rows order the same two shots, which the clip cache makes once");
        var ended = await EndedAsync(submission.BatchId);
        ended.Status.Should().Be(WorkflowStatus.Completed, ended.FailureMessage);
        var result = ended.ReadOutputAs<BatchResult>()!;
        (result.Completed, result.Failed).Should().Be((2, 1));
        ended.ReadCustomStatusAs<BatchProgress>()!.RowStates.Should().Be("cfc");

        var report = WorkflowJson.Deserialize<BatchReport>(await World.Store.ReadTextAsync(StoreLayout.BatchOutput(submission.BatchId, WriteBatchReportActivity.JsonFileName)))!;
        report.Rows.Select(r => (r.Row, r.Key, r.Status)).Should().Equal((1, "lisbon", "completed"), (2, "porto", "failed"), (3, "faro", "completed"));
        report.Rows[1].Error.Should().Contain("refuser");
        report.Rows[0].Outputs.Should().Contain($"{report.Rows[0].FilmId}/scenario.16x9.mp4");
        (await World.Store.ExistsAsync(StoreLayout.FilmOutput(report.Rows[2].FilmId, "scenario.16x9.mp4"))).Should().BeTrue();
        var csv = (await World.Store.ReadTextAsync(StoreLayout.BatchOutput(submission.BatchId, WriteBatchReportActivity.CsvFileName))).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv.Should().HaveCount(4);
        csv[0].Should().StartWith("row,key,film_id,status,outputs,cost,currency,error");
        csv[2].Should().StartWith($"2,porto,{report.Rows[1].FilmId},failed,");
    }

    [Fact]
    public async Task Batch_EstimateOverItsBudget_IsRefusedWholeSayingByHowMuch_AndNothingStarts()
    {
        using var fetcher = new SafeImageFetcher();
        var rows = Rows("m", ("one", Order("meter", prompts: ["A harbour", "Gulls"])), ("two", Order("meter", prompts: ["A harbour", "Boats"])));
        var submission = new BatchSubmission("harbours-0badc0de", "Harbours", "harbours", rows, FilmsAtOnce: 2, Budget: 2.5m);

        var admission = await BatchIntake(fetcher).SubmitAsync(Runtime, submission, CancellationToken.None);

        admission.Accepted.Should().BeFalse();
        admission.Estimate!.Total.Should().Be(3m, "three distinct one-second shots at 1 USD; the shared harbour shot is paid once");
        admission.Reason.Should().Be("the batch's estimate of 3.00 USD is over its budget of 2.50 USD by 0.50 USD; nothing was started");
        (await Runtime.GetInstanceAsync(submission.BatchId)).Should().BeNull();
        (await Runtime.ListInstancesAsync(BatchIds.FilmPrefix(submission.BatchId))).Should().BeEmpty();
        World.Metered.Submits.Should().Be(0);
    }

    private BatchIntake BatchIntake(SafeImageFetcher fetcher)
    {
        var services = _home!.Services;
        var intake = new FilmIntake(World.Store, services.GetRequiredService<IVideoModelCatalog>(), fetcher, new FilmIntakeOptions());
        return new BatchIntake(intake, services.GetRequiredService<BatchEstimator>());
    }

    /// <summary>Each row's order written where a template's rows would read their files from.</summary>
    private static IReadOnlyList<BatchRowOrder> Rows(string folder, params (string Key, string Order)[] rows)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cloudreel-scenarios", "batches", Guid.NewGuid().ToString("n"), folder);
        Directory.CreateDirectory(directory);
        var files = new LocalOrderFiles(directory);
        return rows.Select((row, i) => new BatchRowOrder(i + 1, row.Key, OrderDocument.FromFile(row.Order, "template.yaml", $"template.yaml (row {i + 1})"), (IOrderSource)files)).ToList();
    }
}
