using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>Small plans and clips for orchestration tests.</summary>
internal static class WorkflowFixtures
{
    public static ModelAttempt Attempt(string model, string key, double seconds = 5) => new(
        model,
        "1",
        new ShotRequest { Prompt = "p", ShotText = "p", Seconds = seconds, Size = new FrameSize(320, 180) },
        key.PadRight(64, '0'),
        EstimatedCost: 0.5m,
        PollInterval: TimeSpan.FromSeconds(5),
        Timeout: TimeSpan.FromMinutes(10));

    public static ClipRecord Clip(ModelAttempt attempt, string? jobId = "job-1", bool audio = false) => new()
    {
        ContentKey = attempt.ContentKey,
        Model = attempt.Model,
        ModelVersion = attempt.ModelVersion,
        Prompt = attempt.Request.Prompt,
        RequestedSeconds = attempt.Request.Seconds,
        Sha256 = new string('a', 64),
        Probe = new ClipProbe(attempt.Request.Seconds, 320, 180, 30, "h264", audio),
        JobId = jobId,
        Cost = attempt.EstimatedCost,
    };

    public static JobStatus Queued(string jobId) => new() { State = JobState.Queued, JobId = jobId };

    public static JobStatus Succeeded(string jobId) => new() { State = JobState.Succeeded, JobId = jobId };

    public static ShotSubmission Submitted(JobStatus job) => new(SubmissionResult.Submitted, job);

    public static ShotSubmission Cached(ClipRecord clip) => new(SubmissionResult.Cached, Clip: clip);

    /// <summary>The poll that finds the job done, with the clip it fetched.</summary>
    public static JobProgress Done(JobQuery query) => new(Succeeded(query.JobId), Clip(query.Attempt, query.JobId));
}
