using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Tests.Batches;
using CloudReel.Core.Tests.Orders;
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
    public async Task Validate_StagedClipShotWithoutSeconds_LastsAsLongAsItsClip_InTheWorkflowToo()
    {
        var store = new MemoryClipStore();
        await store.PutTextAsync("orders/film/order.yaml", "title: T\nshots:\n  - {id: own, clip: own/quay.mp4}\n", "application/yaml", overwrite: true);
        await store.PutAsync("orders/film/own/quay.mp4", new MemoryStream([0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0]), "video/mp4", overwrite: true);
        var activity = new ValidateOrderActivity(store, BatchTestKit.Catalog, ActivityCall.Host, new LengthProbe(2.5));

        var validated = await activity.RunAsync(null!, new FilmRequest("film", "orders/film/order.yaml"));

        validated.Errors.Should().BeEmpty();
        (validated.Order!.Shots[0].Clip, validated.Order.Shots[0].Seconds).Should().Be(("orders/film/own/quay.mp4", 2.5));
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
