using CloudReel.Core.Ports;

namespace CloudReel.Core.Jobs;

/// <summary>
/// A film's budget file: every clip's reservation (or, once settled, its real cost). The rules live
/// here, so every home of a budget (a store file under a process lock, a blob under ETags) decides alike.
/// </summary>
public sealed record BudgetAccount
{
    public Dictionary<string, BudgetEntry> Entries { get; init; } = new(StringComparer.Ordinal);

    public decimal Committed => Entries.Values.Sum(e => e.Amount);

    /// <summary>
    /// Reserves <paramref name="amount"/> for a clip unless the committed money would then exceed
    /// <paramref name="limit"/>; a clip that already holds money is granted again without change.
    /// </summary>
    public (bool Changed, BudgetDecision Decision) Reserve(string contentKey, decimal amount, decimal limit)
    {
        if (Entries.TryGetValue(contentKey, out var held) && held.Amount > 0) return (false, new BudgetDecision(true, Committed, limit));
        var committed = Committed + amount;
        if (committed > limit) return (false, new BudgetDecision(false, Committed, limit));
        Entries[contentKey] = new BudgetEntry(amount, Settled: false);
        return (true, new BudgetDecision(true, committed, limit));
    }

    /// <summary>Replaces a clip's reservation with what it really cost (0 frees the money).</summary>
    public void Settle(string contentKey, decimal actual) => Entries[contentKey] = new BudgetEntry(actual, Settled: true);
}

/// <summary>One clip's money: reserved (its estimate) until settled at what it really cost.</summary>
public sealed record BudgetEntry(decimal Amount, bool Settled);
