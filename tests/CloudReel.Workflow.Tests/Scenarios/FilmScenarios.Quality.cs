using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>Quality checks on new clips: a bad take is retaken with a new seed, and the report says so, with what each take cost.</summary>
public abstract partial class FilmScenarios
{
    [Fact]
    public async Task FrozenTake_IsRetakenWithANewSeed_ReportedWithItsChecksAndCost_AndARerunChecksNothingAgain()
    {
        var film = await StartAsync("frozen", OneShotOrder("A frozen harbour at dawn"));
        var ended = await EndedAsync(film);

        ended.Status.Should().Be(WorkflowStatus.Completed, ended.FailureMessage);
        var shot = (await ReportAsync(film)).ShotDetails.Single();
        shot.Attempts.Select(a => (a.Result, a.Take)).Should().Equal((AttemptResult.FailedChecks, 0), (AttemptResult.Succeeded, 1));
        shot.Attempts[0].Checks.Should().Contain(c => c.Name == "freeze" && !c.Passed);
        shot.Attempts[0].Message.Should().StartWith("freeze: the picture is frozen from").And.Contain("to the end");
        shot.Attempts[1].Seed.Should().Be(shot.Attempts[0].Seed + 1);
        shot.Attempts[1].Checks.Should().OnlyContain(c => c.Passed).And.Contain(c => c.Name == "freeze");
        shot.Attempts.Select(a => a.Cost).Should().Equal(1m, 1m);
        (shot.Retakes, shot.Cost, shot.Submissions, shot.Source).Should().Be((1, 2m, 2, ShotSource.Generated));
        var report = await ReportAsync(film);
        report.Shots.Retaken.Should().Be(1);
        report.Quality!.TakesFailed.Should().Be(1);
        report.Quality.FailedChecks.Should().Equal(new Dictionary<string, int> { ["freeze"] = 1 });

        var again = await StartAsync("frozen-again", OneShotOrder("A frozen harbour at dawn"));
        (await EndedAsync(again)).Status.Should().Be(WorkflowStatus.Completed);
        var rerun = (await ReportAsync(again)).ShotDetails.Single();
        World.Takes.SentFor("A frozen harbour at dawn").Should().Be(2, "both takes are in the store with their verdicts");
        rerun.Attempts.Select(a => (a.Result, a.ChecksRecorded)).Should().Equal((AttemptResult.FailedChecks, true), (AttemptResult.FromCache, true));
        (rerun.Source, rerun.Cost).Should().Be((ShotSource.Cache, 0m));
    }

    [Fact]
    public async Task TakesThatKeepFailing_AreRetakenOnlyWithinTheBudget_ThenTheShotFailsWithTheChecksReasons()
    {
        var film = await StartAsync("always-frozen", OneShotOrder("An always frozen sea", "qa: {retries: 3, onFail: fail}\nbudget: {limit: 2.5, currency: USD}"));
        var ended = await EndedAsync(film);

        ended.Status.Should().Be(WorkflowStatus.Failed);
        ended.FailureMessage.Should().Contain("take 1 failed the checks: freeze").And.Contain("take 2 failed the checks: freeze").And.Contain("over its budget of 2.50 USD");
        World.Takes.SentFor("An always frozen sea").Should().Be(2, "a third take would cross the budget");
        var shot = (await ReportAsync(film)).ShotDetails.Single();
        shot.Attempts.Select(a => a.Result).Should().Equal(AttemptResult.FailedChecks, AttemptResult.FailedChecks, AttemptResult.OverBudget);
        shot.Cost.Should().Be(2m);
    }

    private static string OneShotOrder(string prompt, string extra = "") =>
        $"title: Takes\nresolution: 144p\nfps: 24\nmodel: takes\n{extra}\nshots:\n  - {{id: s1, prompt: {prompt}, seconds: 2}}\n";
}
