using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Assembles a film in this process through <see cref="AssemblyJobRunner"/>: the job is kept first
/// (films/&lt;film-id&gt;/assembly-job.json, so <c>cloudreel assemble --job &lt;film-id&gt;</c> can
/// make the film again), then clips come from the store and outputs go back to it.
/// </summary>
public sealed class AssembleFilmActivity(AssemblyJobRunner runner, IAssemblyProgressSink progressSink, IHostApplicationLifetime host)
    : TaskActivity<AssemblyJob, AssemblyResult>
{
    public override async Task<AssemblyResult> RunAsync(TaskActivityContext context, AssemblyJob job)
    {
        await runner.SaveJobAsync(job, host.ApplicationStopping);
        var progress = new Progress<AssemblyProgress>(p => progressSink.Report(job.FilmId, p));
        return await runner.RunAsync(job, progress, host.ApplicationStopping);
    }
}
