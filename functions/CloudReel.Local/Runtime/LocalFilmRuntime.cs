using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Local.Runtime;

/// <summary>
/// <see cref="IFilmRuntime"/> on the local engine, for `cloudreel serve`: films start and run in this
/// process, and everything else reads or writes the journal, as the Durable client does in Azure.
/// </summary>
public sealed class LocalFilmRuntime(LocalWorkflowEngine engine) : IFilmRuntime
{
    public Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default) =>
        StartOnceAsync(nameof(FilmOrchestration), request.FilmId, request, cancellationToken);

    public Task<bool> StartBatchAsync(BatchRequest request, CancellationToken cancellationToken = default) =>
        StartOnceAsync(nameof(BatchOrchestration), request.BatchId, request, cancellationToken);

    private async Task<bool> StartOnceAsync(string orchestration, string instanceId, object request, CancellationToken cancellationToken)
    {
        if (await engine.GetInstanceAsync(instanceId, cancellationToken) is not null) return false;
        try
        {
            await engine.StartAsync(orchestration, instanceId, request, cancellationToken);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The journal refuses a second instance of an id in the transaction that would insert it: another
            // start (in this process or another sharing the journal) recorded the instance first.
            if (await engine.GetInstanceAsync(instanceId, cancellationToken) is not null) return false;
            throw;
        }
    }

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await engine.GetInstanceAsync(instanceId, cancellationToken) is { } info ? ToWorkflow(info) : null;

    public async Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default) =>
        (await engine.ListInstancesAsync(instanceIdPrefix, cancellationToken)).Select(ToWorkflow).ToList();

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        engine.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        engine.TerminateAsync(instanceId, reason, cancellationToken);

    /// <summary>Carries on every film and batch the journal holds unfinished (a restarted `serve`); returns their ids.</summary>
    public async Task<IReadOnlyList<string>> ResumeUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var resumed = new List<string>();
        foreach (var film in await engine.ListInstancesAsync(cancellationToken: cancellationToken))
        {
            if (film.Name is not (nameof(FilmOrchestration) or nameof(BatchOrchestration)) || film.ParentInstanceId is not null || film.IsTerminal) continue;
            try
            {
                await engine.ResumeAsync(film.InstanceId, cancellationToken);
                resumed.Add(film.InstanceId);
            }
            catch (InstanceLeasedException)
            {
                // Another live process runs it.
            }
        }

        return resumed;
    }

    private static WorkflowInstance ToWorkflow(InstanceInfo info) => new(
        info.InstanceId,
        info.Name,
        info.Status switch
        {
            InstanceStatus.Pending => WorkflowStatus.Pending,
            InstanceStatus.Running => WorkflowStatus.Running,
            InstanceStatus.Completed => WorkflowStatus.Completed,
            InstanceStatus.Failed => WorkflowStatus.Failed,
            _ => WorkflowStatus.Terminated,
        },
        info.CreatedUtc,
        info.LastUpdatedUtc,
        info.SerializedInput,
        info.SerializedOutput,
        info.SerializedCustomStatus,
        info.Failure?.ErrorMessage);
}
