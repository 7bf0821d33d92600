using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Queues a film's assembly job for the assembler container (films whose request says <see cref="QueuedAssembly"/>).</summary>
public sealed class EnqueueAssemblyActivity(IAssemblyQueue queue, TimeProvider time) : Activity<AssemblyJob, AssemblyJobMessage>
{
    public override Task<AssemblyJobMessage> RunAsync(ActivityContext context, AssemblyJob job) =>
        queue.EnqueueAsync(job, time.GetUtcNow().UtcDateTime, context.CancellationToken);
}
