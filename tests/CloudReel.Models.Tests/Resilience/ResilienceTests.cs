using System.Diagnostics;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Models.Configuration;
using CloudReel.Models.Kling;
using CloudReel.Models.Resilience;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Resilience;

/// <summary>The Polly pipeline and the adapter base through a real adapter (Kling) and its fake: what is retried, waited out, or given up.</summary>
public sealed class ResilienceTests : IAsyncLifetime, IDisposable
{
    private readonly FakeKling _fake = new();
    private readonly AdapterKit _kit = new();

    public async Task InitializeAsync() => await _fake.StartAsync();

    [Fact]
    public async Task GetStatusAsync_TooManyRequestsWithRetryAfter_WaitsAsToldThenSucceeds()
    {
        var model = Create();
        var submitted = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(1));
        _fake.Faults.Add(Operation.Status, Fault.TooManyRequests(retryAfterSeconds: 1));
        var clock = Stopwatch.StartNew();

        var status = await model.GetStatusAsync(submitted.JobId!);

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(0.9), "Retry-After: 1 is honoured, not the 10 ms backoff");
        status.State.Should().Be(JobState.Running);
        _fake.Requests.Count(r => r.Method == "GET").Should().Be(2);
    }

    [Fact]
    public async Task GetStatusAsync_BurstOfServerErrors_IsRiddenOut()
    {
        var model = Create();
        var submitted = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(2));
        _fake.Faults.Add(Operation.Status, Fault.ServerError(503), times: 2).Add(Operation.Status, Fault.ServerError(500));

        var status = await model.GetStatusAsync(submitted.JobId!);

        status.State.Should().Be(JobState.Running);
    }

    [Fact]
    public async Task GetStatusAsync_OutageLongerThanTheRetries_Throws_SoTheWorkflowRetriesOnADurableTimer()
    {
        var model = Create();
        var submitted = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(3));
        _fake.Faults.Add(Operation.Status, Fault.ServerError(500), times: 10);

        var act = () => model.GetStatusAsync(submitted.JobId!);

        (await act.Should().ThrowAsync<ProviderCallException>()).Which.Failure.Should().Be(CallFailure.Unavailable);
        _fake.Faults.Pending(Operation.Status).Should().Be(6, "one try and three retries");
    }

    [Fact]
    public async Task GetStatusAsync_MalformedJson_IsReadAgain()
    {
        _fake.RunningPolls = 5;
        var model = Create();
        var submitted = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(4));
        _fake.Faults.Add(Operation.Status, Fault.MalformedJson());

        var status = await model.GetStatusAsync(submitted.JobId!);

        status.Should().Match<JobStatus>(s => s.State == JobState.Running && s.JobId == submitted.JobId);
        _fake.Requests.Count(r => r.Method == "GET").Should().Be(2);
    }

    [Fact]
    public async Task SubmitAsync_RateLimitedFarLongerThanACallWaits_IsDeferredToTheWorkflowWithTheWait()
    {
        var model = Create();
        _fake.Faults.Add(Operation.Submit, Fault.TooManyRequests(retryAfterSeconds: 120));

        var status = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(5));

        status.State.Should().Be(JobState.Queued);
        status.JobId.Should().BeNull("nothing was made: the workflow waits on a durable timer and asks again");
        status.PollAfter.Should().Be(TimeSpan.FromSeconds(120));
        _fake.SubmitRequests.Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_ShortRateLimit_IsRetriedBecauseA429WasNeverAccepted()
    {
        var model = Create();
        _fake.Faults.Add(Operation.Submit, Fault.TooManyRequests(retryAfterSeconds: 0), times: 2);

        var status = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(6));

        status.JobId.Should().NotBeNull();
        _fake.SubmitRequests.Should().Be(3);
        _fake.JobsCreated.Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_QuotaExhausted_IsNotRetried()
    {
        var model = Create();
        _fake.Faults.Add(Operation.Submit, Fault.QuotaExhausted(), times: 5);

        var status = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(7));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Quota, ProviderCode = "1102" });
        _fake.SubmitRequests.Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_ServerErrorAfterTheTaskWasMade_LooksItUpInsteadOfSendingAgain()
    {
        var model = Create();
        _fake.Faults.Add(Operation.Submit, Fault.ServerError(500, afterCreate: true));

        var status = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(8));

        status.JobId.Should().Be("text2video/" + _fake.Jobs.Keys.Single());
        _fake.SubmitRequests.Should().Be(1);
    }

    [Fact]
    public async Task Calls_ServiceKeepsFailing_OpenTheCircuitSoFurtherCallsAreNotSent()
    {
        var resilience = AdapterKit.FastResilience();
        resilience.BreakerMinimumThroughput = 4;
        resilience.MaxRetries = 0;
        var model = Create(resilience);
        var submitted = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(9));
        _fake.Faults.Add(Operation.Status, Fault.ServerError(500), times: 20);
        // With the submit's success in the window, three failures of four calls cross the 0.5 failure ratio.
        for (var i = 0; i < 3; i++)
        {
            await FluentActions.Awaiting(() => model.GetStatusAsync(submitted.JobId!)).Should().ThrowAsync<ProviderCallException>();
        }

        var seen = _fake.Requests.Count;
        var whileOpen = await model.GetStatusAsync(submitted.JobId!);
        var submitWhileOpen = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(10));

        _fake.Requests.Count.Should().Be(seen, "an open circuit sends nothing");
        whileOpen.Should().Match<JobStatus>(s => s.State == JobState.Running && s.PollAfter == TimeSpan.FromSeconds(30));
        submitWhileOpen.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Transient, ProviderCode = "not-sent" });
        submitWhileOpen.Failure!.Message.Should().Contain("circuit open");
    }

    [Fact]
    public async Task DownloadAsync_LinkExpired_AsksTheJobForAFreshLink()
    {
        _fake.Outcome = JobOutcome.ExpiredLinkOnce;
        var model = Create();
        var done = await AdapterKit.UntilDoneAsync(model, await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(11)));

        var clip = await AdapterKit.DownloadAsync(model, done);

        clip.Should().Equal(FakeClips.Of(5));
        _fake.Downloads.Should().Be(2);
    }

    [Fact]
    public async Task DownloadAsync_EveryLinkExpired_SaysTheClipIsUnavailable()
    {
        _fake.Outcome = JobOutcome.ExpiredLink;
        var model = Create();
        var done = await AdapterKit.UntilDoneAsync(model, await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(12)));

        var act = () => AdapterKit.DownloadAsync(model, done);

        (await act.Should().ThrowAsync<ClipUnavailableException>()).Which.Message.Should().Contain("can no longer be fetched");
    }

    [Fact]
    public async Task DownloadAsync_ConnectionCutHalfway_StartsOverAndWritesTheWholeClipOnce()
    {
        var model = Create();
        var done = await AdapterKit.UntilDoneAsync(model, await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(13)));
        _fake.Faults.Add(Operation.Download, Fault.CutConnection());

        var clip = await AdapterKit.DownloadAsync(model, done);

        clip.Should().Equal(FakeClips.Of(5));
        _fake.Downloads.Should().Be(2);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private KlingVideoModel Create(ResilienceOptions? resilience = null)
    {
        var options = new KlingOptions { AccessKey = _fake.AccessKey, SecretKey = _fake.SecretKey, BaseUrl = _fake.Root };
        var jwt = new KlingJwt(_fake.AccessKey, _fake.SecretKey, TimeProvider.System);
        return new KlingVideoModel(options, _kit.Http("kling", _fake.Root, _ => ValueTask.FromResult(("Authorization", "Bearer " + jwt.Token)), new KlingErrors(), resilience), _kit.Images);
    }
}
