namespace CloudReel.Core.Orders;

/// <summary>
/// One problem in an order, pinned to the file, line, column and field it is about, in the form
/// compilers use so editors can jump to it: <c>order.yaml:12:7: shots[2].seconds: …</c>.
/// </summary>
public sealed record OrderError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Field}: {Message}";
}

/// <summary>Thrown where an order must be valid to go on; carries every error found.</summary>
public sealed class InvalidOrderException(IReadOnlyList<OrderError> errors)
    : Exception($"The order has {errors.Count} error(s):\n" + string.Join("\n", OrderLimits.Shown(errors)) + (errors.Count > OrderLimits.ErrorsShown ? "\n…" : ""))
{
    public IReadOnlyList<OrderError> Errors { get; } = errors;
}

/// <summary>How validation sees the files an order refers to (local disk, or the clip store).</summary>
public interface IOrderFiles
{
    /// <summary>The size in bytes of the file at <paramref name="relativePath"/>, or null when it is missing.</summary>
    Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default);
}

/// <summary>
/// A file an order names that is refused for what it is, not for what it holds: it leaves the order's
/// folder, is not a regular file, or is larger than allowed. The message says why, in the user's terms.
/// </summary>
public sealed class OrderFileRefusedException(string message) : Exception(message);
