using CloudReel.Core.Ports;

namespace CloudReel.Local.Coordination;

/// <summary>
/// <see cref="IModelSlots"/> for one process: every film this process runs shares it (register it
/// once). A restart forgets the slots; the first poll of each running job holds its slot again.
/// </summary>
public sealed class ProcessModelSlots : IModelSlots
{
    private readonly Dictionary<string, HashSet<string>> _holders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryAcquireAsync(string group, string holder, int capacity, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var held = HoldersOf(group);
            return Task.FromResult(held.Contains(holder) || (held.Count < capacity && held.Add(holder)));
        }
    }

    public Task HoldAsync(string group, string holder, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            HoldersOf(group).Add(holder);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string group, string holder, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            HoldersOf(group).Remove(holder);
        }

        return Task.CompletedTask;
    }

    /// <summary>How many slots of a group are held now.</summary>
    public int HeldCount(string group)
    {
        lock (_gate)
        {
            return HoldersOf(group).Count;
        }
    }

    private HashSet<string> HoldersOf(string group)
    {
        if (!_holders.TryGetValue(group, out var held)) _holders[group] = held = new HashSet<string>(StringComparer.Ordinal);
        return held;
    }
}
