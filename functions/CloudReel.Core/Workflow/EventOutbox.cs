using System.Text.Json;
using CloudReel.Core.Events;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow.Activities;
using Microsoft.DurableTask;

namespace CloudReel.Core.Workflow;

/// <summary>
/// The film orchestration's events on their way out. Each event is one PublishFilmEvent activity,
/// started at once and not waited for (a slow webhook never holds up a shot); the film waits for
/// them only when it ends. A publish that fails is recorded in the history and never fails the film.
/// Event ids come from <see cref="TaskOrchestrationContext.NewGuid"/> and times from the replay-safe clock.
/// When the film's host had nowhere to send events (<paramref name="sends"/> false) nothing is published.
/// </summary>
internal sealed class EventOutbox(TaskOrchestrationContext context, string filmId, bool sends)
{
    private readonly List<Task> _pending = [];

    public void StoryboardReady(PlannedFilm plan, string storyboardName) => Publish(
        FilmEventTypes.StoryboardReady,
        StoreLayout.FilmFolder(filmId).TrimEnd('/'),
        new StoryboardReadyData(filmId, plan.Order.Title, plan.Shots.Count, plan.EstimatedCost, Currency(plan), plan.Order.Approval.Required, storyboardName));

    public void ShotFinished(ShotOutcome outcome)
    {
        var subject = $"{StoreLayout.FilmFolder(filmId)}shots/{outcome.ShotId}";
        if (outcome.Clip is { } clip)
        {
            Publish(FilmEventTypes.ShotGenerated, subject, new ShotGeneratedData(
                filmId, outcome.ShotId, outcome.Model ?? clip.Model, outcome.Source switch { ShotSource.Cache => "cache", ShotSource.Provided => "provided", _ => "generated" },
                clip.ContentKey, outcome.Source == ShotSource.Cache ? 0 : clip.Cost, outcome.Attempts.Count));
            return;
        }

        Publish(FilmEventTypes.ShotFailed, subject, new ShotFailedData(
            filmId,
            outcome.ShotId,
            outcome.FailureSummary ?? "failed",
            outcome.Attempts.Select(a => new AttemptSummary(a.Model, a.Result.ToString().ToLowerInvariant(), a.Reason?.ToString().ToLowerInvariant(), a.Message)).ToList()));
    }

    public void FilmCompleted(string title, AssemblyResult assembly, IEnumerable<string> outputs, decimal cost, string currency) => Publish(
        FilmEventTypes.FilmCompleted,
        StoreLayout.FilmFolder(filmId).TrimEnd('/'),
        new FilmCompletedData(filmId, title, assembly.FilmSeconds, cost, currency,
            outputs.Select(file => new OutputLink(StoreLayout.FilmOutput(filmId, file), ContentTypes.Of(file))).ToList()));

    public void FilmFailed(string reason, IEnumerable<ShotOutcome> outcomes) => Publish(
        FilmEventTypes.FilmFailed,
        StoreLayout.FilmFolder(filmId).TrimEnd('/'),
        new FilmFailedData(filmId, reason, outcomes.Where(o => !o.Succeeded).Select(o => new ShotFailure(o.ShotId, o.FailureSummary ?? "failed")).ToList()));

    /// <summary>A batch has ended: the outbox is then the batch's, and the event links to its reports.</summary>
    public void BatchCompleted(string name, int rows, BatchResult result) => Publish(
        FilmEventTypes.BatchCompleted,
        StoreLayout.BatchSubject(filmId),
        new BatchCompletedData(filmId, name, rows, result.Completed, result.Failed, result.Cost, result.Currency,
            result.Reports.Select(file => new OutputLink(StoreLayout.BatchOutput(filmId, file), ContentTypes.Of(file))).ToList()));

    /// <summary>Waits for every event still on its way; none of them can fail the film.</summary>
    public Task FlushAsync() => Task.WhenAll(_pending);

    private void Publish(string type, string subject, object data)
    {
        if (!sends) return;
        var filmEvent = new FilmEvent(context.NewGuid().ToString(), type, filmId, subject, context.CurrentUtcDateTime, JsonSerializer.SerializeToElement(data, WorkflowJson.Options));
        _pending.Add(SendAsync(filmEvent));
    }

    private async Task SendAsync(FilmEvent filmEvent)
    {
        try
        {
            // No retry policy: the activity retries each destination itself and reports, rather than throws, what failed.
            await context.CallActivityAsync<EventDelivery>(nameof(PublishFilmEventActivity), filmEvent);
        }
        catch (TaskFailedException failure)
        {
            context.CreateReplaySafeLogger<EventOutbox>().LogPublishFailed(filmEvent.Type, filmEvent.FilmId, failure.FailureDetails.ErrorMessage);
        }
    }

    private static string Currency(PlannedFilm plan) => plan.Order.Budget?.Currency ?? "USD";
}
