using System.Text.Json;
using CloudReel.Core.Events;
using CloudReel.Core.Orders;
using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;

namespace CloudReel.Core.Tests.Workflow;

/// <summary>The events a film publishes, at the points the workflow reaches them.</summary>
public partial class FilmOrchestrationTests
{
    [Fact]
    public async Task RunAsync_FilmCompletes_PublishesStoryboardEachShotThenCompleted()
    {
        var film = new FilmScript(Order());

        await new FilmOrchestration().RunAsync(film.Context(), Request);

        film.Published.Select(e => e.Type).Should().Equal(
            FilmEventTypes.StoryboardReady, FilmEventTypes.ShotGenerated, FilmEventTypes.ShotGenerated, FilmEventTypes.FilmCompleted);
        film.Published.Select(e => e.Id).Should().OnlyHaveUniqueItems();
        film.Published[1].Subject.Should().Be("films/promo-1/shots/a");
        var completed = film.Published[^1].Data.Deserialize<FilmCompletedData>(WorkflowJson.Options)!;
        completed.Outputs.Select(o => o.Name).Should().Contain("films/promo-1/promo.16x9.mp4").And.Contain("films/promo-1/report.json");
        completed.Outputs.Single(o => o.Name.EndsWith(".mp4", StringComparison.Ordinal)).ContentType.Should().Be("video/mp4");
        completed.Cost.Should().Be(1.00m);
    }

    [Fact]
    public async Task RunAsync_AShotIsRefused_PublishesShotFailedAndFilmFailedWithItsReason()
    {
        var film = new FilmScript(Order()) { RefusedShot = "b" };

        var act = () => new FilmOrchestration().RunAsync(film.Context(), Request);

        await act.Should().ThrowAsync<FilmFailedException>();
        var shotFailed = film.Published.Single(e => e.Type == FilmEventTypes.ShotFailed).Data.Deserialize<ShotFailedData>(WorkflowJson.Options)!;
        shotFailed.ShotId.Should().Be("b");
        shotFailed.Attempts.Should().ContainSingle().Which.Reason.Should().Be("moderation");
        var filmFailed = film.Published[^1];
        filmFailed.Type.Should().Be(FilmEventTypes.FilmFailed);
        filmFailed.Data.Deserialize<FilmFailedData>(WorkflowJson.Options)!.Shots.Should().ContainSingle()
            .Which.Should().Match<ShotFailure>(s => s.ShotId == "b" && s.Reason.Contains("moderation"));
    }

    [Fact]
    public async Task RunAsync_StoryboardRejected_PublishesFilmFailedWithTheRejection()
    {
        var film = new FilmScript(Order() with { Approval = new ApprovalSpec(true, 24) });
        var context = film.Context();
        context.Raise(FilmEvents.StoryboardApproved, new ApprovalDecision(false, "li", "too dark"));

        var act = () => new FilmOrchestration().RunAsync(context, Request);

        await act.Should().ThrowAsync<FilmFailedException>();
        film.Published.Select(e => e.Type).Should().Equal(FilmEventTypes.StoryboardReady, FilmEventTypes.FilmFailed);
        film.Published[0].Data.Deserialize<StoryboardReadyData>(WorkflowJson.Options)!.ApprovalRequired.Should().BeTrue();
        film.Published[1].Data.Deserialize<FilmFailedData>(WorkflowJson.Options)!.Reason.Should().Contain("too dark");
    }

    [Fact]
    public async Task RunAsync_PublishingFails_TheFilmCompletesAllTheSame()
    {
        var film = new FilmScript(Order()) { PublishFails = true };

        var result = await new FilmOrchestration().RunAsync(film.Context(), Request);

        result.Outputs.Should().Contain("promo.16x9.mp4");
        film.Report!.Status.Should().Be("completed");
        film.Activities.Count(a => a == nameof(PublishFilmEventActivity)).Should().Be(4, "each event was tried once and its failure swallowed");
    }

    [Fact]
    public async Task RunAsync_Replayed_PublishesTheSameEventIdsAndTimes()
    {
        var first = new FilmScript(Order());
        var second = new FilmScript(Order());

        await new FilmOrchestration().RunAsync(first.Context(), Request);
        await new FilmOrchestration().RunAsync(second.Context(), Request);

        second.Published.Select(e => (e.Id, e.TimeUtc)).Should().Equal(first.Published.Select(e => (e.Id, e.TimeUtc)));
    }
}
