using CloudReel.Core.Workflow;
using CloudReel.Core.Workflow.Activities;

namespace CloudReel.Core.Tests.Workflow;

public partial class FilmOrchestrationTests
{
    private static readonly FilmRequest QueuedRequest = new("promo-1", "orders/promo-1/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(45)));

    [Fact]
    public async Task RunAsync_QueuedAssemblyReported_TakesTheContainersResultFromTheEventInsteadOfAssemblingHere()
    {
        var film = new FilmScript(Order());
        var context = film.Context();
        var written = new Core.Ports.AssemblyResult(["promo.16x9.mp4", "promo.9x16.mp4"], 9.5, 285);
        context.Raise(FilmEvents.AssemblyCompleted, new AssemblyCompletion(true, Result: written));

        var result = await new FilmOrchestration().RunAsync(context, QueuedRequest);

        film.Activities.Should().NotContain(nameof(AssembleFilmActivity));
        film.Activities.SkipWhile(a => a != nameof(EnqueueAssemblyActivity)).Skip(1).First()
            .Should().Be(nameof(WriteFilmReportActivity), "the result came with the event: nothing reads it again");
        result.Outputs.Should().Contain("promo.9x16.mp4", "the outputs are what the container wrote");
        film.Timeline!.Clips.Select(c => c.ShotId).Should().Equal("a", "b");
        context.Statuses.OfType<FilmProgress>().Should().Contain(p => p.Stage == FilmStages.Assemble && p.Message == "queued for the assembler");
    }

    [Fact]
    public async Task RunAsync_QueuedAssemblyNeverReports_FailsOnTheTimeoutNamingTheJobAndKeepsTheReport()
    {
        var film = new FilmScript(Order());
        var context = film.Context();

        var act = () => new FilmOrchestration().RunAsync(context, QueuedRequest);

        var failure = (await act.Should().ThrowAsync<FilmFailedException>()).Which;
        failure.Reason.Should().Contain("did not report within 45 minutes").And.Contain("films/promo-1/assembly-job.json")
            .And.Contain("cloudreel assemble --job promo-1");
        context.Timers.Should().Contain(TimeSpan.FromMinutes(45));
        film.Report!.Status.Should().Be("failed");
        film.Report.Shots.Generated.Should().Be(2, "the clips are made and kept");
    }

    [Fact]
    public async Task RunAsync_QueuedAssemblyFailed_FailsWithTheAssemblersReason()
    {
        var film = new FilmScript(Order());
        var context = film.Context();
        context.Raise(FilmEvents.AssemblyCompleted, new AssemblyCompletion(false, "the job failed 5 times and went to assembly-jobs-poison"));

        var act = () => new FilmOrchestration().RunAsync(context, QueuedRequest);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason
            .Should().Be("the assembler could not make the film: the job failed 5 times and went to assembly-jobs-poison");
    }

    [Fact]
    public async Task RunAsync_QueuedAssemblySucceededWithoutResult_FailsSayingSo()
    {
        var film = new FilmScript(Order());
        var context = film.Context();
        context.Raise(FilmEvents.AssemblyCompleted, new AssemblyCompletion(true));

        var act = () => new FilmOrchestration().RunAsync(context, QueuedRequest);

        (await act.Should().ThrowAsync<FilmFailedException>()).Which.Reason.Should().Be("the assembler could not make the film: no reason given");
    }

    [Fact]
    public async Task RunAsync_AfterPlanning_StatusCarriesTheEstimate()
    {
        var film = new FilmScript(Order());
        var context = film.Context();

        await new FilmOrchestration().RunAsync(context, Request);

        context.Statuses.OfType<FilmProgress>().Last(p => p.Stage == FilmStages.Generate)
            .Should().Match<FilmProgress>(p => p.EstimatedCost == 1.00m && p.Currency == "USD");
    }
}
