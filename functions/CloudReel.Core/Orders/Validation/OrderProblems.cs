namespace CloudReel.Core.Orders;

/// <summary>One problem found in an order, before it is tied to a file name.</summary>
internal sealed record OrderProblem(SourcePosition Position, string Field, string Message);

/// <summary>Collects every problem found in an order, from reading to file checks.</summary>
internal sealed class OrderProblems
{
    private readonly List<OrderProblem> _items = [];

    public IReadOnlyList<OrderProblem> Items => _items;

    public int Count => _items.Count;

    public void Add(SourcePosition at, string field, string message) => _items.Add(new OrderProblem(at, field, message));

    /// <summary>The problems as errors of <paramref name="fileName"/>, in file order.</summary>
    public IReadOnlyList<OrderError> ToErrors(string fileName) => _items
        .OrderBy(p => p.Position.Line)
        .ThenBy(p => p.Position.Column)
        .Select(p => new OrderError(fileName, p.Position.Line, p.Position.Column, FieldPath.Display(p.Field), p.Message))
        .ToList();
}
