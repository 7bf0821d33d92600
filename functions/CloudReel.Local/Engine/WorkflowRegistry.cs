using CloudReel.Core.Workflow;

namespace CloudReel.Local.Engine;

/// <summary>The orchestrations and activities an engine can run, by name (case-insensitive, as in Durable Task).</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, Func<IOrchestration>> _orchestrations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public WorkflowRegistry AddOrchestration(string name, Func<IOrchestration> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrations.TryAdd(name, factory)) throw new ArgumentException($"An orchestration named '{name}' is already registered.", nameof(name));
        return this;
    }

    /// <summary>Registers an activity; <paramref name="factory"/> is called for every execution.</summary>
    public WorkflowRegistry AddActivity(string name, Func<IActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(name, factory)) throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        return this;
    }

    internal bool HasOrchestration(string name) => _orchestrations.ContainsKey(name);

    internal IOrchestration? CreateOrchestration(string name) => _orchestrations.TryGetValue(name, out var factory) ? factory() : null;

    internal IActivity? CreateActivity(string name) => _activities.TryGetValue(name, out var factory) ? factory() : null;
}
