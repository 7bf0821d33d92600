using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Quality;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>Quality checks and retakes inside a shot's orchestration, and shots continuing the clip before them.</summary>
public class ShotRetakeTests
{
    private static readonly ClipQualityReport Frozen = new([new QualityCheck("freeze", false, "the picture is frozen from 0 s to the end (5 s)")]);
    private static readonly ClipQualityReport Good = new([new QualityCheck("freeze", true, "the picture moves throughout")]);

    private readonly ModelAttempt _kling = Attempt("kling", "a1");
    private readonly ModelAttempt _vidu = Attempt("vidu", "b2");

    [Theory]
    [InlineData(QaFailure.Fallback, "vidu", 2)]
    [InlineData(QaFailure.Accept, "kling", 1)]
    [InlineData(QaFailure.Fail, null, 1)]
    public async Task RunAsync_TakesKeepFailing_RetakesWithNewSeedsThenDoesWhatOnFailSays(QaFailure onFail, string? madeBy, int modelsTried)
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) => Submitted(Succeeded("j-" + job.Attempt.ContentKey[..6])),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            (nameof(CheckClipActivity), ClipCheckRequest check) => check.Model == "kling" ? Frozen : Good,
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await new ShotOrchestration().RunAsync(context, Input(new QaSpec(2, [QaCheck.Freeze], onFail), _kling, _vidu));

        outcome.Model.Should().Be(madeBy);
        var kling = outcome.Attempts.Where(a => a.Model == "kling").ToList();
        kling.Select(a => (a.Take, a.Result)).Should().Equal((0, AttemptResult.FailedChecks), (1, AttemptResult.FailedChecks), (2, AttemptResult.FailedChecks));
        kling.Select(a => a.Seed).Should().Equal(_kling.Request.Seed, _kling.Request.Seed + 1, _kling.Request.Seed + 2);
        kling.Select(a => a.ContentKey).Should().OnlyHaveUniqueItems("each take is a clip of its own, never the same job sent again");
        kling[0].ContentKey.Should().Be(_kling.ContentKey, "the first take is the planned clip");
        outcome.Attempts.Select(a => a.Model).Distinct().Should().HaveCount(modelsTried);
        if (onFail == QaFailure.Fail) outcome.FailureSummary.Should().Contain("kling: take 3 failed the checks: freeze: the picture is frozen");
        if (onFail == QaFailure.Accept) outcome.Clip!.ContentKey.Should().Be(kling[2].ContentKey, "the last take is kept");
    }

    [Fact]
    public async Task RunAsync_CachedTakeWithARecordedFailingVerdict_GoesStraightToTheNextTake()
    {
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(SubmitShotActivity), ShotJob job) => Cached(Clip(job.Attempt)),
            (nameof(CheckClipActivity), ClipCheckRequest check) => (check.ContentKey == _kling.ContentKey ? Frozen : Good) with { Recorded = true },
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await new ShotOrchestration().RunAsync(context, Input(QaSpec.Default, _kling));

        outcome.Source.Should().Be(ShotSource.Cache);
        outcome.Attempts.Select(a => (a.Result, a.ChecksRecorded, a.Cost)).Should().Equal((AttemptResult.FailedChecks, true, 0m), (AttemptResult.FromCache, true, 0m));
        context.Calls.Count(c => c.Name == nameof(PollShotActivity)).Should().Be(0, "nothing was sent");
    }

    [Fact]
    public async Task RunAsync_ContinuesAClip_StartsFromItsLastFrameKeyedByItsHash()
    {
        var frame = new ReferenceImage("clips/frames/x.last.png", new string('f', 64));
        var planned = _kling with { Request = _kling.Request with { ContinuesFrom = "" } };
        var sent = new List<ModelAttempt>();
        var context = Context((name, input) => (name, input) switch
        {
            (nameof(LastFrameActivity), PreviousClip) => frame,
            (nameof(SubmitShotActivity), ShotJob job) => Record(sent, job.Attempt, Submitted(Succeeded("k-1"))),
            (nameof(PollShotActivity), JobQuery q) => Done(q),
            _ => throw new InvalidOperationException(name),
        });

        var outcome = await new ShotOrchestration().RunAsync(context, new ShotInput("film", "s2", [planned], Previous: new PreviousClip("s1", new string('1', 64), new string('c', 64))));

        outcome.Succeeded.Should().BeTrue();
        var attempt = sent.Single();
        attempt.Request.FirstFrame.Should().Be(frame);
        attempt.Request.ContinuesFrom.Should().Be(new string('c', 64));
        attempt.ContentKey.Should().Be(ContentKey.For("kling", "1", attempt.Request)).And.NotBe(planned.ContentKey);
        var otherClipBefore = planned.ContinuingFrom(new string('d', 64), frame);
        otherClipBefore.ContentKey.Should().NotBe(attempt.ContentKey, "another clip before it makes this shot another clip");
        planned.ContinuingFrom(new string('c', 64), frame with { Sha256 = new string('e', 64) }).ContentKey
            .Should().Be(attempt.ContentKey, "the frame follows from the clip, whose hash is already in the key");
    }

    private static object Record(List<ModelAttempt> sent, ModelAttempt attempt, object answer)
    {
        sent.Add(attempt);
        return answer;
    }

    private static ShotInput Input(QaSpec qa, params ModelAttempt[] chain) => new("film", "s1", chain, Qa: new ShotQa(qa, [], "", []));

    private static ScriptedOrchestrationContext Context(Func<string, object?, object?> activities) => new("film.shot.s1", activities);
}
