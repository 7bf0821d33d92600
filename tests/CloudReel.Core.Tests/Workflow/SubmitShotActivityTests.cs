using CloudReel.Core.Jobs;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using CloudReel.Local.Coordination;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>The submit activity: the cache first, then the budget, a job slot, and the job ledger, so one clip is never paid for twice.</summary>
public class SubmitShotActivityTests
{
    private readonly MemoryClipStore _store = new();
    private readonly ScriptedModel _model = new();
    private readonly ProcessModelSlots _slots = new();
    private readonly ShotJob _job = new("film", "s1", Attempt("paid", "c3") with { SlotGroup = "paid", SlotCapacity = 1 }, new Budget(1m));

    [Fact]
    public async Task RunAsync_ClipAlreadyInTheStore_ServesItWithoutReservingHoldingOrSending()
    {
        var clip = await CacheClipAsync("mp4 bytes");

        var submission = await SubmitAsync();

        submission.Should().Match<ShotSubmission>(s => s.Result == SubmissionResult.Cached && s.Clip!.Sha256 == clip.Sha256);
        _model.Submits.Should().Be(0);
        _slots.HeldCount("paid").Should().Be(0);
        (await new StoreFilmBudget(_store).ReadAsync("film")).Committed.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_CachedClipDamaged_QuarantinesItAndItsCopiesAndMakesTheClipAgain()
    {
        var clip = await CacheClipAsync("the whole clip as it was made");
        var normalised = StoreLayout.NormalisedClip(clip.ContentKey, "320x180p30-abc");
        await _store.PutTextAsync(normalised, "normalised", "video/mp4", overwrite: false);
        await _store.PutTextAsync(StoreLayout.Clip(clip.ContentKey), "the whole clip", "video/mp4", overwrite: true); // truncated on disk

        var submission = await SubmitAsync();

        submission.Result.Should().Be(SubmissionResult.Submitted, "a damaged clip is not served from the cache");
        _model.Submits.Should().Be(1);
        (await _store.ExistsAsync(StoreLayout.Clip(clip.ContentKey))).Should().BeFalse();
        (await _store.ExistsAsync(StoreLayout.ClipRecord(clip.ContentKey))).Should().BeFalse();
        (await _store.ExistsAsync(normalised)).Should().BeFalse();
        (await _store.ListAsync(StoreLayout.QuarantinePrefix)).Should().HaveCount(3).And.Contain(name => name.EndsWith("/" + clip.ContentKey + ".mp4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_EstimateWouldCrossTheBudget_SendsNothingAndHoldsNoSlot()
    {
        await new StoreFilmBudget(_store).TryReserveAsync("film", new string('e', 64), 0.75m, 1m);

        var submission = await SubmitAsync();

        submission.Result.Should().Be(SubmissionResult.OverBudget);
        submission.Budget.Should().Be(new BudgetDecision(false, 0.75m, 1m));
        _model.Submits.Should().Be(0);
        _slots.HeldCount("paid").Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_EverySlotHeld_SendsNothing()
    {
        await _slots.TryAcquireAsync("paid", "another-clip", 1);

        var submission = await SubmitAsync();

        submission.Result.Should().Be(SubmissionResult.NoSlot);
        _model.Submits.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_JobAccepted_ReservesItsEstimateAndHoldsTheSlotWhileItRuns()
    {
        var submission = await SubmitAsync();

        submission.Should().Match<ShotSubmission>(s => s.Result == SubmissionResult.Submitted && s.Job!.JobId == "sent-1");
        _slots.HeldCount("paid").Should().Be(1);
        (await new StoreFilmBudget(_store).ReadAsync("film")).Committed.Should().Be(_job.Attempt.EstimatedCost);
    }

    [Fact]
    public async Task RunAsync_JobDoneAtSubmit_GivesTheSlotBackAtOnce()
    {
        _model.Answer = new JobStatus { State = JobState.Succeeded, JobId = "rendered-1", Progress = 100 };

        var submission = await SubmitAsync();

        submission.Should().Match<ShotSubmission>(s => s.Result == SubmissionResult.Submitted && s.Job!.State == JobState.Succeeded);
        _slots.HeldCount("paid").Should().Be(0, "a job that ended at submit runs nowhere while its clip waits to be fetched");
    }

    [Fact]
    public async Task RunAsync_ServiceRefusesOrDefers_GivesTheSlotBack()
    {
        _model.Answer = JobStatus.Failed(null, FailureReason.Moderation, "1301", "blocked");
        var refused = await SubmitAsync();
        _model.Answer = new JobStatus { State = JobState.Queued, PollAfter = TimeSpan.FromSeconds(30) };
        var deferred = await SubmitAsync();

        refused.Should().Match<ShotSubmission>(s => s.Result == SubmissionResult.Submitted && s.Job!.State == JobState.Failed);
        deferred.Result.Should().Be(SubmissionResult.Deferred);
        _slots.HeldCount("paid").Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_JobRecordedBeforeARestart_HoldsItsSlotEvenWhenTheOthersAreTaken()
    {
        await new JobLedger(_store).WriteAsync(new JobLedgerEntry(
            _job.Attempt.ContentKey, "paid", "film", "s1", JobLedgerState.Submitted, "sent-before", 1, DateTime.UtcNow.AddMinutes(-1)));
        await _slots.TryAcquireAsync("paid", "another-clip", 1);

        var submission = await SubmitAsync();

        submission.Job!.JobId.Should().Be("sent-before", "the recorded job is polled, not sent again");
        _model.Submits.Should().Be(0);
        _slots.HeldCount("paid").Should().Be(2, "the running job holds its slot whether or not this process counted it");
    }

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

    private async Task<ClipRecord> CacheClipAsync(string bytes)
    {
        var content = System.Text.Encoding.UTF8.GetBytes(bytes);
        var clip = Clip(_job.Attempt) with { Bytes = content.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) };
        await _store.PutTextAsync(StoreLayout.Clip(clip.ContentKey), bytes, "video/mp4", overwrite: false);
        await _store.PutTextAsync(StoreLayout.ClipRecord(clip.ContentKey), WorkflowJson.Serialize(clip), "application/json", overwrite: false);
        return clip;
    }

    private Task InterruptedSubmitAsync() => new JobLedger(_store).WriteAsync(new JobLedgerEntry(
        _job.Attempt.ContentKey, "paid", "film", "s1", JobLedgerState.Submitting, null, 1, DateTime.UtcNow.AddMinutes(-1)));

    private async Task<JobStatus> RunAsync() => (await SubmitAsync()).Job!;

    private Task<ShotSubmission> SubmitAsync() =>
        new SubmitShotActivity(new VideoModelCatalog([_model]), new JobLedger(_store), new StoreFilmBudget(_store), _slots, _store, TimeProvider.System, ActivityCall.Host)
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
