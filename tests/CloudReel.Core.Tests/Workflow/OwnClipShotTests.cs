using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>A shot made of one's own clip is filed as it is: no model is asked, nothing is paid, the report counts it as provided.</summary>
public sealed class OwnClipShotTests
{
    private static readonly OwnClip Own = new("orders/film/own/quay.mp4", new string('a', 64), ContentKey.ForOwnClip(new string('a', 64)));

    [Fact]
    public async Task RunAsync_OwnClip_FilesItAndAsksNoModel()
    {
        var filed = new ClipRecord
        {
            ContentKey = Own.ContentKey, Model = OwnClip.Maker, ModelVersion = "", Prompt = "", RequestedSeconds = 2, Sha256 = Own.Sha256,
            Probe = new ClipProbe(2, 320, 180, 30, "h264", false),
        };
        var context = new ScriptedOrchestrationContext("film.shot.own", (name, input) => (name, input) switch
        {
            (nameof(TakeOwnClipActivity), OwnClipJob job) when job.Clip == Own && job.ShotId == "own" => filed,
            _ => throw new InvalidOperationException($"{name} was not expected"),
        });

        var outcome = await new ShotOrchestration().RunAsync(context, new ShotInput("film", "own", [], Own: Own));

        (outcome.Source, outcome.Clip, outcome.Model).Should().Be((ShotSource.Provided, filed, OwnClip.Maker));
        outcome.Attempts.Should().BeEmpty();
        context.Calls.Select(c => c.Name).Should().Equal(nameof(TakeOwnClipActivity));
    }

    [Fact]
    public void Report_OwnClipShot_CountsAsProvided_AtNoCost()
    {
        var order = new FilmOrder { Title = "T", Shots = [new ShotSpec { Id = "own", Prompt = "", Clip = Own.File, Seconds = 2 }] };
        var plan = new PlannedFilm { Order = order, Shots = [new PlannedShot(order.Shots[0], [], Own)], ModelConcurrency = new Dictionary<string, int>() };
        var outcome = new ShotOutcome { ShotId = "own", Source = ShotSource.Provided, Model = OwnClip.Maker };

        var report = FilmReportBuilder.Build("film", FilmStages.Completed, null, DateTime.UnixEpoch, DateTime.UnixEpoch, [], plan, [outcome], [], null);

        (report.Shots.Provided, report.Shots.Generated, report.Shots.FromCache, report.Cost.Estimated, report.Cost.Actual).Should().Be((1, 0, 0, 0m, 0m));
    }
}
