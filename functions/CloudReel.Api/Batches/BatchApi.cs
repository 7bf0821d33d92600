using CloudReel.Api.Control;
using CloudReel.Api.Http;
using CloudReel.Api.Status;
using CloudReel.Api.Submission;
using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Batches;

/// <summary>
/// POST /api/batches, GET /api/batches/{id}, POST /api/batches/{id}/cancel. A batch is a template and
/// its rows, checked all the way and admitted all or nothing by the one batch intake (400 with every
/// error of every row located; 422 when the estimate is over the budget, saying by how much); with an
/// Idempotency-Key the same request always answers with the same batch and never starts a second one.
/// Orders sent over HTTP name only image URLs, as for films.
/// </summary>
public sealed class BatchApi(IFilmRuntime runtime, FilmApiServices services)
{
    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var key = request.Headers[IdempotencyRecords.HeaderName].FirstOrDefault()?.Trim();
        if (key is { Length: 0 or > IdempotencyRecords.MaxKeyLength })
        {
            return ApiProblems.BadRequest(request, $"{IdempotencyRecords.HeaderName} must be 1-{IdempotencyRecords.MaxKeyLength} characters.");
        }

        var (upload, problem) = await BatchUpload.ReadAsync(request, services.Options.MaxOrderBytes, cancellationToken);
        if (upload is null) return ApiProblems.BadRequest(request, problem!);

        var keys = new IdempotencyRecords(services.Store);
        if (key is not null && await keys.FindAsync(key, cancellationToken) is { } earlier)
        {
            if (earlier.RequestHash != upload.Hash) return ApiProblems.IdempotencyKeyReused(request, $"batch {earlier.FilmId}", "template and rows");
            if (await runtime.GetInstanceAsync(earlier.FilmId, cancellationToken) is not null) return Accepted(request, earlier.FilmId, replayed: true, null);
        }

        var files = new UrlOnlyOrderFiles();
        var expansion = await services.Expander.ExpandAsync(upload.Template, upload.Data, files, cancellationToken);
        if (!expansion.IsValid) return BatchProblems.InvalidRows(request, expansion.Errors, UrlOnlyOrderFiles.Hint);

        var name = upload.Name ?? TitleOf(upload.Template);
        var batchId = key is null ? BatchIds.Random(name) : BatchIds.Derived(name, "idempotency-key", key);
        var submission = new BatchSubmission(batchId, name, "POST /api/batches", expansion.Rows, upload.FilmsAtOnce, upload.Budget);
        BatchAdmission admission;
        try
        {
            admission = await services.Batches.SubmitAsync(runtime, submission, cancellationToken);
        }
        catch (OrderStagingException refused)
        {
            return ApiProblems.BadRequest(request, refused.Message);
        }

        if (!admission.Accepted)
        {
            return admission.Errors.Count > 0 ? BatchProblems.InvalidRows(request, admission.Errors, null) : BatchProblems.OverBudget(request, admission.Reason!);
        }

        if (key is not null) await keys.TryCreateAsync(key, new IdempotencyRecord(batchId, "", upload.Hash, services.Time.GetUtcNow().UtcDateTime), cancellationToken);
        return Accepted(request, batchId, replayed: !admission.Started, admission.Estimate);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } batch) return ApiProblems.NotFound(request, $"There is no batch '{id}'.");
        var input = batch.ReadInputAs<BatchRequest>()!;
        var progress = batch.ReadCustomStatusAs<BatchProgress>();
        var report = await ReportAsync(id, batch, cancellationToken);
        var rows = new List<BatchRowState>(input.Films.Count);
        for (var i = 0; i < input.Films.Count; i++)
        {
            var row = input.Films[i];
            var state = progress is not null && i < progress.RowStates.Length ? progress.RowStates[i] : BatchRowStates.Waiting;
            var reported = report?.Rows.FirstOrDefault(r => r.FilmId == row.Film.FilmId);
            var error = reported?.Error;
            if (error is null && state == BatchRowStates.Failed && await runtime.GetInstanceAsync(row.Film.FilmId, cancellationToken) is { } film) error = FilmStatusNames.Reason(film);
            rows.Add(new BatchRowState(row.Row, row.Key, row.Film.FilmId, BatchRowStates.Name(state), ApiUrls.Film(request, row.Film.FilmId), reported?.Cost, error));
        }

        var reports = new List<FilmOutput>();
        if (report is not null)
        {
            foreach (var file in new[] { WriteBatchReportActivity.JsonFileName, WriteBatchReportActivity.CsvFileName })
            {
                reports.Add(await services.Links.LinkAsync(request, id, file, cancellationToken));
            }
        }

        var label = input.Label;
        var self = ApiUrls.Base(request) + "/api/batches/" + id;
        var failed = rows.Count(r => r.Status == "failed");
        var done = rows.Count(r => r.Status == "completed");
        var running = rows.Count(r => r.Status == "running");
        return Results.Json(
            new BatchStatusResponse(
                id,
                label?.Name ?? id,
                FilmStatusNames.Of(batch.Status),
                progress?.Stage,
                batch.CreatedUtc,
                batch.LastUpdatedUtc,
                new BatchTally(rows.Count, done, running, failed, rows.Count - done - running - failed),
                new BatchCost(label?.EstimatedCost ?? 0, report?.Cost ?? progress?.Cost ?? 0, label?.Currency ?? "USD", label?.Budget),
                rows,
                reports,
                batch.Status == WorkflowStatus.Failed ? batch.FailureMessage : null,
                new BatchLinks(self, batch.IsTerminal ? null : self + "/cancel")),
            WorkflowJson.Options);
    }

    /// <summary>Ends the batch and its running films; their model slots are given back at once. Clips already made stay in the store.</summary>
    public async Task<IResult> CancelAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } batch) return ApiProblems.NotFound(request, $"There is no batch '{id}'.");
        if (batch.IsTerminal) return ApiProblems.Conflict(request, $"Batch {id} has already ended ({FilmStatusNames.Of(batch.Status)}).");

        var controls = new FilmControls(runtime, services.Slots, services.Store);
        var films = (await runtime.ListInstancesAsync(BatchIds.FilmPrefix(id), cancellationToken))
            .Where(f => f.Name == nameof(FilmOrchestration) && !f.IsTerminal)
            .ToList();
        var shots = new List<WorkflowInstance>();
        foreach (var film in films) shots.AddRange(await controls.RunningShotsAsync(film.InstanceId, cancellationToken));

        // The batch first, so it starts no further row when its running films end.
        await runtime.TerminateAsync(id, "cancelled through the API", cancellationToken);
        foreach (var film in films)
        {
            if (await runtime.GetInstanceAsync(film.InstanceId, cancellationToken) is { IsTerminal: false }) await runtime.TerminateAsync(film.InstanceId, "its batch was cancelled", cancellationToken);
        }

        await controls.GiveBackSlotsAsync(shots, cancellationToken);
        return Accepted(request, id, replayed: false, null, "cancelling");
    }

    private async Task<WorkflowInstance?> FindAsync(string id, CancellationToken cancellationToken) =>
        StoreLayout.IsValidId(id) && await runtime.GetInstanceAsync(id, cancellationToken) is { Name: nameof(BatchOrchestration) } batch ? batch : null;

    private async Task<BatchReport?> ReportAsync(string id, WorkflowInstance batch, CancellationToken cancellationToken)
    {
        var name = StoreLayout.BatchOutput(id, WriteBatchReportActivity.JsonFileName);
        return batch.Status == WorkflowStatus.Completed && await services.Store.ExistsAsync(name, cancellationToken)
            ? WorkflowJson.Deserialize<BatchReport>(await services.Store.ReadTextAsync(name, cancellationToken))
            : null;
    }

    private static IResult Accepted(HttpRequest request, string batchId, bool replayed, BatchEstimate? estimate, string status = "accepted")
    {
        var url = ApiUrls.Base(request) + "/api/batches/" + batchId;
        if (replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        var body = new BatchAccepted(batchId, status, url, estimate?.Rows.Count ?? 0, estimate?.Total ?? 0, estimate?.Currency ?? "USD");
        return Results.Json(body, WorkflowJson.Options, statusCode: StatusCodes.Status202Accepted).WithLocation(url);
    }

    /// <summary>The template's title when it has a plain one; else "batch".</summary>
    private static string TitleOf(OrderDocument template) =>
        OrderLoader.BindUnchecked(template.Text, template.DisplayName)?.Title is { Length: > 0 } title && !title.Contains("{{", StringComparison.Ordinal) ? title : "batch";
}
