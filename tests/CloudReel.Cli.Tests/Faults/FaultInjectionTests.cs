using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Workflow;
using CloudReel.Testing.Fakes;

namespace CloudReel.Cli.Tests.Faults;

/// <summary>
/// The fault-injection suite: whole films rendered by the real command against fakes that fail the
/// way the real services do. Each film either completes (through retry or fallback) or fails with a
/// precise reason per shot; no job is ever submitted twice; the budget holds.
/// </summary>
public sealed class FaultInjectionTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private ServiceFakes _fakes = null!;
    private InProcessCli _cli = null!;

    public async Task InitializeAsync()
    {
        _fakes = await ServiceFakes.StartAsync();
        _cli = new InProcessCli(_workspace);
        _fakes.WriteAppSettings(_cli.Home);
    }

    [Fact]
    public async Task Render_RateLimitsOutagesBrokenAnswersAndCutDownloads_CompletesWithOneJobPerShot()
    {
        _fakes.Kling.Faults
            .Add(Operation.Submit, Fault.TooManyRequests(retryAfterSeconds: 1))
            .Add(Operation.Status, Fault.ServerError(503), times: 2)
            .Add(Operation.Status, Fault.MalformedJson())
            .Add(Operation.Download, Fault.CutConnection());

        var run = await RenderAsync([], null, ("a", "kling", 5), ("b", "kling", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        _fakes.Kling.JobsCreated.Should().Be(2);
        _fakes.Kling.SubmitRequests.Should().Be(3, "the 429 was answered before any job existed, and sent again");
        run.Report.Shots.Generated.Should().Be(2);
        run.Report.Cost.Actual.Should().Be(2 * 1.5m * 0.14m, "what Kling says each task cost");
    }

    [Fact]
    public async Task Render_ServiceHandsOutAFrozenTake_ItIsRetakenWithANewSeedAndTheReportAndSummarySaySo()
    {
        _fakes.Kling.NextOutcomes.Enqueue(JobOutcome.FrozenClip);

        var run = await RenderAsync([], null, ("a", "kling", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        _fakes.Kling.JobsCreated.Should().Be(2, "the frozen take and its retake");
        var shot = run.Shot("a");
        shot.Attempts.Select(a => (a.Result, a.Take)).Should().Equal((AttemptResult.FailedChecks, 0), (AttemptResult.Succeeded, 1));
        shot.Attempts[0].Checks.Should().Contain(c => c.Name == "freeze" && !c.Passed);
        shot.Attempts.Should().OnlyContain(a => a.Cost == 1.5m * 0.14m, "each take is a Kling task paid for");
        (shot.Retakes, shot.Submissions).Should().Be((1, 2));
        run.Report.Shots.Retaken.Should().Be(1);
        run.Stdout.Should().Contain("1 take(s) failed (freeze 1), 1 shot(s) retaken").And.Contain("shot a, kling take 1").And.Contain("failed: freeze: the picture is frozen");
    }

    public static TheoryData<string> LostAnswers => new() { "hang", "malformed-json", "server-error-after-create" };

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Render_SubmitAnswerLost_FindsTheJobAndNeverSubmitsItTwice(string fault)
    {
        _fakes.Kling.Faults.Add(Operation.Submit, fault switch
        {
            "hang" => Fault.Hang(10),
            "malformed-json" => Fault.MalformedJson(),
            _ => Fault.ServerError(500, afterCreate: true),
        });

        var run = await RenderAsync([], null, ("a", "kling", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        _fakes.Kling.SubmitRequests.Should().Be(1);
        _fakes.Kling.JobsCreated.Should().Be(1);
        run.Shot("a").Attempts.Should().ContainSingle().Which.JobId.Should().Be("text2video/" + _fakes.Kling.Jobs.Keys.Single());
    }

    [Fact]
    public async Task Render_AnswerLostByAServiceThatCannotBeAsked_MovesOnWithoutPayingTwice()
    {
        _fakes.Ark.Faults.Add(Operation.Submit, Fault.Hang(10));

        var run = await RenderAsync(["kling"], null, ("a", "seedance", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        _fakes.Ark.SubmitRequests.Should().Be(1);
        var shot = run.Shot("a");
        shot.Model.Should().Be("kling");
        shot.Attempts[0].Should().Match<AttemptRecord>(a => a.ProviderCode == "ambiguous-submit" && a.Cost > 0);
        shot.FallbackReason.Should().Contain("ambiguous-submit").And.Contain("not sent again");
    }

    [Fact]
    public async Task Render_ModerationRefusalAtSubmit_NextModelMakesTheShotAndTheReportSaysWhy()
    {
        _fakes.Kling.Faults.Add(Operation.Submit, Fault.Moderation());

        var run = await RenderAsync(["vidu"], null, ("a", "kling", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        var shot = run.Shot("a");
        shot.Model.Should().Be("vidu");
        shot.FallbackReason.Should().StartWith("kling: moderation (1301): content security policy");
        run.Report.Shots.FallenBack.Should().Be(1);
        _fakes.Kling.JobsCreated.Should().Be(0);
    }

    [Fact]
    public async Task Render_ModerationRefusalOfTheVideo_NextModelMakesTheShot()
    {
        _fakes.Ark.Outcome = JobOutcome.OutputModeration;

        var run = await RenderAsync(["kling"], null, ("a", "seedance", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Shot("a").FallbackReason.Should().StartWith("seedance: moderation (OutputVideoSensitiveContentDetected)");
        run.Shot("a").Attempts[0].Cost.Should().Be(0, "a refused job is not charged");
    }

    [Theory]
    [InlineData(JobOutcome.TruncatedClip)]
    [InlineData(JobOutcome.CorruptClip)]
    [InlineData(JobOutcome.ShortClip)]
    public async Task Render_BadClip_IsAFailedAttemptNeverCachedAndItsCostIsCounted(JobOutcome outcome)
    {
        _fakes.Vidu.Outcome = outcome;

        var run = await RenderAsync(["kling"], null, ("a", "vidu", 5));

        run.ExitCode.Should().Be(0, run.ToString());
        var shot = run.Shot("a");
        shot.Model.Should().Be("kling");
        shot.Attempts[0].Result.Should().Be(AttemptResult.BadClip);
        File.Exists(Path.Combine(_cli.Home, "store", "clips", shot.Attempts[0].ContentKey + ".mp4")).Should().BeFalse();
        shot.Cost.Should().Be(0.25m + 0.21m, "the bad clip was paid for, and so was the good one");
        _fakes.Vidu.JobsCreated.Should().Be(1);
    }

    [Fact]
    public async Task Render_ResultLinkExpired_FetchesAFreshLinkInsteadOfANewJob()
    {
        _fakes.Vidu.Outcome = JobOutcome.ExpiredLinkOnce;

        var run = await RenderAsync([], null, ("a", "vidu", 2));

        run.ExitCode.Should().Be(0, run.ToString());
        _fakes.Vidu.JobsCreated.Should().Be(1);
        _fakes.Vidu.Downloads.Should().Be(2);
    }

    [Fact]
    public async Task Render_EveryModelRefusesAShot_FailsWithEachReasonKeepsTheOtherClipAndARerunPaysOnlyForTheMissingShot()
    {
        _fakes.Kling.Faults.Add(Operation.Submit, Fault.Moderation());
        _fakes.Vidu.Faults.Add(Operation.Submit, Fault.Moderation());
        var order = _workspace.Write("order.yaml", FaultOrders.Of(["vidu"], null, ("a", "kling", 5), ("b", "cogvideox", 5)));

        var failed = await _cli.RenderAsync(order);
        var rerun = await _cli.RenderAsync(order);

        failed.ExitCode.Should().Be(1, failed.ToString());
        failed.Stderr.Should().Contain("shot a: kling: moderation (1301)").And.Contain("vidu: moderation (AuditSubmitIllegal)");
        failed.Stderr.Should().Contain("Every clip already made is kept");
        failed.Shot("b").Source.Should().Be(ShotSource.Generated);
        rerun.ExitCode.Should().Be(0, rerun.ToString());
        rerun.Report.Shots.FromCache.Should().Be(1);
        _fakes.Zhipu.JobsCreated.Should().Be(1, "shot b's clip was kept and reused");
    }

    [Fact]
    public async Task Render_FallbackWouldCrossTheBudget_IsNotSubmittedAndTheFilmFailsKeepingItsClips()
    {
        _fakes.Kling.Faults.Add(Operation.Submit, Fault.Moderation());

        var run = await RenderAsync(["vidu"], 0.45m, ("a", "kling", 5), ("b", "kling", 5));

        run.ExitCode.Should().Be(1, run.ToString());
        _fakes.Vidu.SubmitRequests.Should().Be(0);
        run.Stderr.Should().Contain("over budget: 0.25 USD more would take the film to 0.46 USD, over its budget of 0.45 USD; not submitted");
        run.Report.Shots.Generated.Should().Be(1);
        run.Report.Cost.Actual.Should().BeLessThanOrEqualTo(0.45m);
    }

    [Fact]
    public async Task Render_PaidBadClipsEatTheBudget_ConcurrentFallbacksNeverTogetherCrossIt()
    {
        _fakes.Kling.Outcome = JobOutcome.CorruptClip;

        var run = await RenderAsync(["vidu"], 0.80m, ("a", "kling", 5), ("b", "kling", 5), ("c", "kling", 5));

        run.ExitCode.Should().Be(1, run.ToString());
        _fakes.Kling.JobsCreated.Should().Be(3);
        _fakes.Vidu.SubmitRequests.Should().Be(0, "0.63 USD of paid bad clips leave no room for a 0.25 USD fallback in 0.80");
        run.Report.Cost.Actual.Should().Be(0.63m);
    }

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private Task<RenderRun> RenderAsync(IReadOnlyList<string> fallback, decimal? budget, params (string Id, string Model, double Seconds)[] shots) =>
        _cli.RenderAsync(_workspace.Write("order.yaml", FaultOrders.Of(fallback, budget, shots)));
}
