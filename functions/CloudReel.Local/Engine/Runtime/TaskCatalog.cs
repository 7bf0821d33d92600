using CloudReel.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// The orchestrators and activities of a <see cref="DurableTaskRegistry"/>, found by name
/// (case-insensitive, as in Durable Task) and created from the host's services, as the Durable Task
/// worker creates them: one activity instance per execution, in its own service scope.
/// </summary>
internal sealed class TaskCatalog
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators;
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities;
    private readonly IServiceProvider _services;

    public TaskCatalog(DurableTaskRegistry registry, IServiceProvider services)
    {
        _orchestrators = registry.GetOrchestrators().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);
        _activities = registry.GetActivities().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);
        _services = services;
    }

    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    /// <summary>Starts the named orchestrator on <paramref name="context"/> with its journaled input.</summary>
    public Task<object?> RunOrchestratorAsync(string name, TaskOrchestrationContext context, string? inputJson)
    {
        var orchestrator = _orchestrators.TryGetValue(name, out var create)
            ? create(_services)
            : throw new InvalidOperationException($"No orchestrator named '{name}' is registered in this engine.");
        return orchestrator.RunAsync(context, WorkflowJson.Deserialize(inputJson, orchestrator.InputType));
    }

    /// <summary>Runs one execution of the named activity; returns its output as JSON.</summary>
    public async Task<string> RunActivityAsync(string name, string instanceId, string? inputJson)
    {
        if (!_activities.TryGetValue(name, out var create)) throw new InvalidOperationException($"No activity named '{name}' is registered in this engine.");
        await using var scope = _services.GetService<IServiceScopeFactory>()?.CreateAsyncScope();
        var activity = create(scope?.ServiceProvider ?? _services);
        var output = await activity.RunAsync(new ActivityCallContext(name, instanceId), WorkflowJson.Deserialize(inputJson, activity.InputType));
        return WorkflowJson.Serialize(output);
    }
}
