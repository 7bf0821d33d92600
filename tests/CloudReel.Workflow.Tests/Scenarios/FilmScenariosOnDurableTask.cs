using CloudReel.Core.Workflow;
using CloudReel.Durable;
using CloudReel.Workflow.Tests.Support;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>The scenarios on Durable Task's in-process test host: a real Durable Task dispatcher and worker.</summary>
public sealed class FilmScenariosOnDurableTask : FilmScenarios
{
    internal override async Task<FilmHome> OpenHomeAsync(ScenarioWorld world)
    {
        var host = await DurableTestHost.StartAsync(tasks => tasks.AddFilmWorkflow(), world.AddServices);
        return new FilmHome(new DurableFilmRuntime(host.Client), host.Services, host.DisposeAsync);
    }
}
