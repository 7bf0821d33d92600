using CloudReel.Core.Intake;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Batches;

/// <summary>One row of a batch made into the order it describes, with where its files are read from.</summary>
/// <param name="Row">The row's number in its data file, as people count (1 = first data row; a CSV header is not counted).</param>
/// <param name="Key">The film's name in the batch: the row's `name` / `outputKey`, or one made from the row number.</param>
/// <param name="Order">The order the template became for this row.</param>
/// <param name="Files">Where this row's files (pictures, music, logo) are read from.</param>
public sealed record BatchRowOrder(int Row, string Key, OrderDocument Order, IOrderSource Files)
{
    /// <summary>The order as the expander validated it (the one order validation, with the host's file probe); the batch intake does not check it again.</summary>
    public FilmOrder? Validated { get; init; }
}

/// <summary>A template and its data made into one order per row, or every located error of every row.</summary>
public sealed record BatchExpansion(IReadOnlyList<BatchRowOrder> Rows, IReadOnlyList<OrderError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Makes a template and its rows of data into orders; a bad row is reported at its data file, row and column.</summary>
public interface IBatchExpander
{
    /// <param name="template">The template order (an order that declares `variables:`).</param>
    /// <param name="data">The rows: CSV, JSONL or a JSON array, by the data document's extension.</param>
    /// <param name="files">Where the template's and the rows' files are read from.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    Task<BatchExpansion> ExpandAsync(OrderDocument template, BatchData data, IOrderSource files, CancellationToken cancellationToken);
}

/// <summary>A batch's data as it arrived: its text and the name errors are reported under (e.g. "cities.csv").</summary>
public sealed record BatchData(string Text, string DisplayName);
