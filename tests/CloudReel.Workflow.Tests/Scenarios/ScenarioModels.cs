using CloudReel.Core.Models;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>A model whose moderation refuses every prompt at submit: its shots fall back to the next model.</summary>
internal sealed class RefusingModel : IVideoModel
{
    public ModelCapabilities Capabilities { get; } = new() { Name = "refuser", Version = "1", Durations = DurationOptions.Range(1, 10) };

    public bool IsConfigured => true;

    public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(JobStatus.Failed(null, FailureReason.Moderation, "blocked", "the prompt was blocked by moderation"));

    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) => throw new InvalidOperationException("No job was ever accepted.");

    public Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default) => throw new InvalidOperationException("No job was ever accepted.");
}

/// <summary>
/// A paid service with one job slot: each job runs for one poll, then succeeds and reports what it
/// charged (twice the price for a prompt that says "costly"). It counts the jobs it runs at once.
/// </summary>
internal sealed class MeteredModel(string clipPath) : IVideoModel
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ShotRequest Request, int Polls)> _jobs = [];
    private int _running;

    public ModelCapabilities Capabilities { get; } = new()
    {
        Name = "meter",
        Version = "1",
        Durations = DurationOptions.Range(1, 10),
        MaxConcurrentJobs = 1,
        PricePerSecond = 1m,
        PollInterval = TimeSpan.FromMilliseconds(500),
    };

    public bool IsConfigured => true;

    public int Submits { get; private set; }

    public int MostRunningAtOnce { get; private set; }

    public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var jobId = $"meter-{++Submits}";
            _jobs[jobId] = (request, 0);
            MostRunningAtOnce = Math.Max(MostRunningAtOnce, ++_running);
            return Task.FromResult(new JobStatus { State = JobState.Queued, JobId = jobId });
        }
    }

    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var (request, polls) = _jobs[jobId];
            _jobs[jobId] = (request, ++polls);
            if (polls < 2) return Task.FromResult(new JobStatus { State = JobState.Running, JobId = jobId, Progress = 50 });
            if (polls == 2) _running--;
            var charged = (decimal)request.Seconds * Capabilities.PricePerSecond * (request.ShotText.Contains("costly", StringComparison.Ordinal) ? 2 : 1);
            return Task.FromResult(new JobStatus { State = JobState.Succeeded, JobId = jobId, Cost = charged });
        }
    }

    public async Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var clip = File.OpenRead(clipPath);
        await clip.CopyToAsync(destination, cancellationToken);
    }
}

/// <summary>A service with one job slot whose jobs never finish, and which asks to be polled only once a minute.</summary>
internal sealed class StallingModel : IVideoModel
{
    public ModelCapabilities Capabilities { get; } = new() { Name = "stall", Version = "1", Durations = DurationOptions.Range(1, 10), MaxConcurrentJobs = 1 };

    public bool IsConfigured => true;

    public int Submits { get; private set; }

    public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JobStatus { State = JobState.Queued, JobId = $"stall-{++Submits}", PollAfter = TimeSpan.FromMinutes(1) });

    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JobStatus { State = JobState.Running, JobId = jobId, PollAfter = TimeSpan.FromMinutes(1) });

    public Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default) => throw new InvalidOperationException("The job never finishes.");
}
