using CloudReel.Core.Workflow;

namespace CloudReel.Core.Ports;

/// <summary>
/// Hands an assembly job to the assembler container (in Azure: the job in the store, a message on
/// the assembly queue). Hosts that assemble in process have none.
/// </summary>
public interface IAssemblyQueue
{
    /// <summary>Keeps the job in the store, then queues the message that names it. Sending twice assembles twice, to the same outputs.</summary>
    Task<AssemblyJobMessage> EnqueueAsync(AssemblyJob job, DateTime enqueuedUtc, CancellationToken cancellationToken = default);
}
