namespace CloudReel.Core.Orders;

/// <summary>A line and a column in an order file, both 1-based; columns count UTF-16 code units.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);
}

/// <summary>What a scalar turned out to be: YAML resolves plain scalars by the core schema, JSON by token.</summary>
internal enum ScalarKind
{
    Text,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// One node of an order as read from YAML or JSON, with where it stood in the file. Nodes are
/// compared by reference: validation marks the very nodes it rejected.
/// </summary>
internal abstract class OrderNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;
}

/// <summary>A single value: text, a number, true/false or null.</summary>
internal sealed class ScalarNode : OrderNode
{
    private ScalarNode(SourcePosition position, ScalarKind kind, string text, double number, bool flag)
        : base(position)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Flag = flag;
    }

    public ScalarKind Kind { get; }

    /// <summary>The text as written (unescaped); for numbers the source digits, e.g. "0x1F" or "1e3".</summary>
    public string Text { get; }

    public double Number { get; }

    public bool Flag { get; }

    public static ScalarNode OfText(SourcePosition position, string text) => new(position, ScalarKind.Text, text, 0, false);

    public static ScalarNode OfNumber(SourcePosition position, string text, double value) => new(position, ScalarKind.Number, text, value, false);

    public static ScalarNode OfBoolean(SourcePosition position, bool value) => new(position, ScalarKind.Boolean, value ? "true" : "false", 0, value);

    public static ScalarNode OfNull(SourcePosition position, string text) => new(position, ScalarKind.Null, text, 0, false);

    public bool IsText => Kind == ScalarKind.Text;
}

/// <summary>A key/value entry of a mapping.</summary>
internal sealed record NodeEntry(ScalarNode Key, OrderNode Value);

/// <summary>A mapping of unique keys, in the order they were written.</summary>
internal sealed class MappingNode(SourcePosition position) : OrderNode(position)
{
    private readonly List<NodeEntry> _entries = [];

    public IReadOnlyList<NodeEntry> Entries => _entries;

    /// <summary>Adds an entry, or returns the entry that already has this key (and adds nothing).</summary>
    public NodeEntry? Add(ScalarNode key, OrderNode value)
    {
        var existing = _entries.Find(e => e.Key.Text == key.Text);
        if (existing is null) _entries.Add(new NodeEntry(key, value));
        return existing;
    }

    /// <summary>Adds an entry read from a file: a repeated key is reported and the first one kept.</summary>
    public void AddRead(ScalarNode key, OrderNode value, string path, OrderProblems problems)
    {
        if (Add(key, value) is { } first)
        {
            problems.Add(key.Position, path, $"duplicate key '{key.Text}' (first given on line {first.Key.Position.Line}); keep only one");
        }
    }

    public OrderNode? Find(string key) => _entries.Find(e => e.Key.Text == key)?.Value;

    public bool Has(string key) => _entries.Exists(e => e.Key.Text == key);
}

/// <summary>A list of nodes.</summary>
internal sealed class SequenceNode(SourcePosition position) : OrderNode(position)
{
    public List<OrderNode> Items { get; } = [];
}

/// <summary>Stands for a value that reading already reported (an alias, a tag), so nothing else complains about it.</summary>
internal sealed class ErrorNode(SourcePosition position) : OrderNode(position);
