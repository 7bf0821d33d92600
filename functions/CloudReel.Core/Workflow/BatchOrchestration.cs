using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// A batch of films, one per row of a template's data: each row's film runs as a
/// <see cref="FilmOrchestration"/> sub-orchestration, never more than the batch's films at once, started
/// in row order as films end. The per-model job caps still hold across the whole batch, because every
/// film's shots take their service's job slots from the same model slots. A row whose film fails is
/// recorded with its reason and never stops the others. At the end the batch writes batch-report.json
/// and batch-report.csv and sends cloudreel.batch.completed.
/// </summary>
public sealed class BatchOrchestration : TaskOrchestrator<BatchRequest, BatchResult>
{
    public override async Task<BatchResult> RunAsync(TaskOrchestrationContext context, BatchRequest request)
    {
        var startedUtc = context.CurrentUtcDateTime;
        var rows = new BatchRows(context, request);

        var running = new Dictionary<Task<FilmResult>, int>();
        var next = 0;
        while (next < request.Films.Count || running.Count > 0)
        {
            while (running.Count < Math.Max(1, request.FilmsAtOnce) && next < request.Films.Count)
            {
                var film = request.Films[next].Film;
                var started = context.CallSubOrchestratorAsync<FilmResult>(
                    nameof(FilmOrchestration), film, new SubOrchestrationOptions { InstanceId = film.FilmId });
                running[started] = next;
                rows.Started(next++);
            }

            rows.Show(BatchStages.Films);
            var finished = await Task.WhenAny(running.Keys);
            var index = running[finished];
            running.Remove(finished);
            try
            {
                rows.Completed(index, await finished);
            }
            catch (TaskFailedException failure)
            {
                // A failed film is this row's outcome, not the batch's: the others go on.
                rows.Failed(index, failure.FailureDetails.ErrorMessage);
            }
        }

        rows.Show(BatchStages.Report);
        var report = await context.CallActivityAsync<BatchReportFiles>(
            nameof(WriteBatchReportActivity),
            new BatchReportRequest(request.BatchId, request.Label?.Name ?? request.BatchId, rows.Currency, startedUtc, context.CurrentUtcDateTime, rows.Results),
            new TaskOptions(FilmOrchestration.StoreRetry));

        var result = new BatchResult(request.BatchId, rows.CompletedCount, rows.FailedCount, report.Cost, rows.Currency, report.Files);
        var events = new EventOutbox(context, request.BatchId, request.SendsEvents);
        events.BatchCompleted(request.Label?.Name ?? request.BatchId, request.Films.Count, result);
        await events.FlushAsync();
        rows.Show(BatchStages.Completed);
        return result;
    }

    /// <summary>The rows as the batch has seen them so far, shown in its custom status.</summary>
    private sealed class BatchRows(TaskOrchestrationContext context, BatchRequest request)
    {
        private readonly char[] _states = Enumerable.Repeat(BatchRowStates.Waiting, request.Films.Count).ToArray();
        private readonly BatchRowResult?[] _results = new BatchRowResult?[request.Films.Count];
        private decimal _cost;

        public string Currency { get; } = request.Label?.Currency ?? "USD";

        public int CompletedCount { get; private set; }

        public int FailedCount { get; private set; }

        public IReadOnlyList<BatchRowResult> Results => _results.Select((r, i) => r ?? Row(i, "waiting", [], 0, null)).ToList();

        public void Started(int index) => _states[index] = BatchRowStates.Running;

        public void Completed(int index, FilmResult film)
        {
            _states[index] = BatchRowStates.Completed;
            _results[index] = Row(index, "completed", film.Outputs, film.Cost, null);
            _cost += film.Cost;
            CompletedCount++;
        }

        public void Failed(int index, string message)
        {
            _states[index] = BatchRowStates.Failed;
            var prefix = $"Film {request.Films[index].Film.FilmId} failed: ";
            _results[index] = Row(index, "failed", [], 0, message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message);
            FailedCount++;
        }

        public void Show(string stage)
        {
            var running = _states.Count(s => s == BatchRowStates.Running);
            context.SetCustomStatus(new BatchProgress(stage, _states.Length, CompletedCount, running, FailedCount, _cost, Currency, new string(_states)));
        }

        private BatchRowResult Row(int index, string status, IReadOnlyList<string> outputs, decimal cost, string? error)
        {
            var row = request.Films[index];
            return new BatchRowResult(row.Row, row.Key, row.Film.FilmId, status, outputs, cost, error);
        }
    }
}
