using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;
using CloudReel.Local.Runtime;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>The scenarios on CloudReel's local engine and its SQLite journal, as `cloudreel serve` runs films.</summary>
public sealed class FilmScenariosOnLocalEngine : FilmScenarios
{
    internal override async Task<FilmHome> OpenHomeAsync(ScenarioWorld world)
    {
        var services = new ServiceCollection();
        services.AddSingleton<LocalLifetime>();
        services.AddSingleton<IHostApplicationLifetime>(sp => sp.GetRequiredService<LocalLifetime>());
        world.AddServices(services);
        var provider = services.BuildServiceProvider();
        var engine = await LocalWorkflowEngine.OpenAsync(new LocalEngineOptions { JournalPath = world.JournalPath }, new DurableTaskRegistry().AddFilmWorkflow(), provider);
        return new FilmHome(new LocalFilmRuntime(engine), provider, async () =>
        {
            provider.GetRequiredService<LocalLifetime>().StopApplication();
            await engine.DisposeAsync();
            await provider.DisposeAsync();
        });
    }
}
