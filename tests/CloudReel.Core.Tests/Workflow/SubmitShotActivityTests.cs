using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>The submit activity and the job ledger: never pay twice for one clip.</summary>
public class SubmitShotActivityTests
{
    private readonly MemoryClipStore _store = new();
    private readonly ScriptedModel _model = new();
    private readonly ShotJob _job = new("film", "s1", Attempt("paid", "c3"));

    [Fact]
    public async Task RunAsync_InterruptedSubmitTheServiceFinds_PollsThatJobInsteadOfSendingAgain()
    {
        await InterruptedSubmitAsync();
        _model.Lookup = JobLookup.Found(new JobStatus { State = JobState.Running, JobId = "found-9" });

        var status = await RunAsync();

        status.JobId.Should().Be("found-9");
        _model.Submits.Should().Be(0);
        var entry = await new JobLedger(_store).GetAsync(_job.Attempt.ContentKey);
        entry!.Should().Match<JobLedgerEntry>(e => e.State == JobLedgerState.Submitted && e.JobId == "found-9" && e.Submissions == 1);
    }

    [Fact]
    public async Task RunAsync_InterruptedSubmitTheServiceNeverGot_SendsItAsTheSameSubmission()
    {
        await InterruptedSubmitAsync();
        _model.Lookup = JobLookup.NotFound();

        var status = await RunAsync();

        status.JobId.Should().Be("sent-1");
        _model.Submits.Should().Be(1);
        (await new JobLedger(_store).GetAsync(_job.Attempt.ContentKey))!.Submissions.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_InterruptedSubmitTheServiceCannotSearch_FailsWithTheReasonAndSendsNothing()
    {
        await InterruptedSubmitAsync();
        _model.Lookup = JobLookup.Unsupported("the service has no external task ids");

        var status = await RunAsync();

        status.Failure.Should().Match<JobFailure>(f => f.ProviderCode == "ambiguous-submit" && f.Message.Contains("the service has no external task ids"));
        _model.Submits.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_InterruptedSubmitToAFreeModelThatFindsIt_ReusesTheJobRatherThanRunningItTwice()
    {
        _model.Free = true;
        await InterruptedSubmitAsync();
        _model.Lookup = JobLookup.Found(new JobStatus { State = JobState.Queued, JobId = "queued-3" });

        var status = await RunAsync();

        status.JobId.Should().Be("queued-3");
        _model.Submits.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_InterruptedSubmitToAFreeModelThatCannotSearch_SendsAgain()
    {
        _model.Free = true;
        await InterruptedSubmitAsync();
        _model.Lookup = JobLookup.Unsupported("no lookup");

        var status = await RunAsync();

        status.JobId.Should().Be("sent-1");
    }

    [Fact]
    public async Task RunAsync_ServiceDefersTheSubmit_ForgetsTheLedgerEntrySoTheNextTrySends()
    {
        _model.Answer = new JobStatus { State = JobState.Queued, PollAfter = TimeSpan.FromSeconds(30) };
        var deferred = await RunAsync();
        _model.Answer = null;

        var sent = await RunAsync();

        deferred.JobId.Should().BeNull();
        deferred.PollAfter.Should().Be(TimeSpan.FromSeconds(30));
        sent.JobId.Should().Be("sent-1", "the deferred try sent nothing");
        (await new JobLedger(_store).GetAsync(_job.Attempt.ContentKey))!.Submissions.Should().Be(1);
    }

    private Task InterruptedSubmitAsync() => new JobLedger(_store).WriteAsync(new JobLedgerEntry(
        _job.Attempt.ContentKey, "paid", "film", "s1", JobLedgerState.Submitting, null, 1, DateTime.UtcNow.AddMinutes(-1)));

    private Task<JobStatus> RunAsync() =>
        new SubmitShotActivity(new VideoModelCatalog([_model]), new JobLedger(_store), TimeProvider.System, ActivityCall.Host)
            .RunAsync(new ActivityCallContext(nameof(SubmitShotActivity), "film.shot.s1"), _job);

    private sealed class ScriptedModel : IVideoModel
    {
        public JobLookup Lookup { get; set; } = JobLookup.NotFound();

        public JobStatus? Answer { get; set; }

        public int Submits { get; private set; }

        public bool Free { get; set; }

        public ModelCapabilities Capabilities => new() { Name = "paid", Version = "1", Durations = DurationOptions.Range(1, 10), PricePerSecond = Free ? 0 : 0.1m };

        public bool IsConfigured => true;

        public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
        {
            if (Answer is { } answer) return Task.FromResult(answer);
            Submits++;
            return Task.FromResult(Queued("sent-" + Submits));
        }

        public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JobLookup> FindJobAsync(string idempotencyKey, ShotRequest request, DateTime sentAfterUtc, CancellationToken cancellationToken = default) =>
            Task.FromResult(Lookup);
    }
}
