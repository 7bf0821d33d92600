namespace CloudReel.Core.Orders;

/// <summary>The outcome of loading an order: the order when it is valid, and every error found.</summary>
public sealed record OrderLoadResult(FilmOrder? Order, IReadOnlyList<OrderError> Errors)
{
    public bool IsValid => Order is not null && Errors.Count == 0;
}
