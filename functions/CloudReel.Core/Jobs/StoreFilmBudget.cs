using System.Collections.Concurrent;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Jobs;

/// <summary>
/// <see cref="IFilmBudget"/> kept in the clip store (budgets/&lt;film-id&gt;.json), so a resumed film
/// remembers what it spent. Read-modify-write runs under a per-film lock of this process: the local
/// engine runs a film in one process at a time (its lease), so that lock is the whole truth.
/// </summary>
public sealed class StoreFilmBudget(IClipStore store) : IFilmBudget
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public async Task<BudgetDecision> TryReserveAsync(string filmId, string contentKey, decimal amount, decimal limit, CancellationToken cancellationToken = default)
    {
        var gate = Locks.GetOrAdd(filmId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var account = await ReadAsync(filmId, cancellationToken);
            var (changed, decision) = account.Reserve(contentKey, amount, limit);
            if (changed) await WriteAsync(filmId, account, cancellationToken);
            return decision;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task SettleAsync(string filmId, string contentKey, decimal actual, CancellationToken cancellationToken = default)
    {
        var gate = Locks.GetOrAdd(filmId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var account = await ReadAsync(filmId, cancellationToken);
            account.Settle(contentKey, actual);
            await WriteAsync(filmId, account, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What a film has reserved and spent so far, by clip.</summary>
    public async Task<BudgetAccount> ReadAsync(string filmId, CancellationToken cancellationToken = default)
    {
        var name = StoreLayout.BudgetRecord(filmId);
        return await store.ExistsAsync(name, cancellationToken)
            ? WorkflowJson.Deserialize<BudgetAccount>(await store.ReadTextAsync(name, cancellationToken)) ?? new BudgetAccount()
            : new BudgetAccount();
    }

    private Task<bool> WriteAsync(string filmId, BudgetAccount account, CancellationToken cancellationToken) =>
        store.PutTextAsync(StoreLayout.BudgetRecord(filmId), WorkflowJson.Serialize(account), "application/json", overwrite: true, cancellationToken);
}

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
