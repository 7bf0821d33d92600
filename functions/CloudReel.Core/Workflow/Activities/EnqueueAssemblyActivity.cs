using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Queues a film's assembly job for the assembler container (films whose request says <see cref="QueuedAssembly"/>).</summary>
public sealed class EnqueueAssemblyActivity(IAssemblyQueue queue, TimeProvider time, IHostApplicationLifetime host) : TaskActivity<AssemblyJob, AssemblyJobMessage>
{
    public override Task<AssemblyJobMessage> RunAsync(TaskActivityContext context, AssemblyJob job) =>
        queue.EnqueueAsync(job, time.GetUtcNow().UtcDateTime, host.ApplicationStopping);
}
