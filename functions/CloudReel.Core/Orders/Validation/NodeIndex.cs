namespace CloudReel.Core.Orders;

/// <summary>
/// Where each field of an order stood (by field path), and which nodes validation rejected, so that
/// later checks can point at the right line and stay quiet about values already reported.
/// </summary>
internal sealed class NodeIndex
{
    private readonly Dictionary<string, OrderNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarNode> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<OrderNode> _rejected = new(ReferenceEqualityComparer.Instance);

    public void Add(string path, OrderNode value, ScalarNode? key = null)
    {
        _values.TryAdd(path, value);
        if (key is not null) _keys.TryAdd(path, key);
    }

    public void Reject(OrderNode node) => _rejected.Add(node);

    public bool IsRejected(OrderNode node) => _rejected.Contains(node);

    public bool Has(string path) => _values.ContainsKey(path);

    public OrderNode? Find(string path) => _values.GetValueOrDefault(path);

    /// <summary>True when the field, or a field around it, was rejected.</summary>
    public bool IsRejected(string path)
    {
        for (string? p = path; p is not null; p = FieldPath.Parent(p))
        {
            if (_values.TryGetValue(p, out var node) && _rejected.Contains(node)) return true;
        }
        return false;
    }

    /// <summary>The value of a field (its key with <paramref name="atKey"/>), else the nearest field around it.</summary>
    public SourcePosition Locate(string path, bool atKey = false)
    {
        if (atKey && _keys.TryGetValue(path, out var key)) return key.Position;
        for (string? p = path; p is not null; p = FieldPath.Parent(p))
        {
            if (_values.TryGetValue(p, out var node)) return node.Position;
        }
        return SourcePosition.Start;
    }
}
