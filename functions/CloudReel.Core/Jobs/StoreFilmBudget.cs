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
            if (account.Entries.TryGetValue(contentKey, out var held) && held.Amount > 0)
            {
                return new BudgetDecision(true, account.Committed, limit);
            }

            var committed = account.Committed + amount;
            if (committed > limit) return new BudgetDecision(false, account.Committed, limit);
            account.Entries[contentKey] = new BudgetEntry(amount, Settled: false);
            await WriteAsync(filmId, account, cancellationToken);
            return new BudgetDecision(true, committed, limit);
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
            account.Entries[contentKey] = new BudgetEntry(actual, Settled: true);
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

/// <summary>A film's budget file: every clip's reservation (or, once settled, its real cost).</summary>
public sealed record BudgetAccount
{
    public Dictionary<string, BudgetEntry> Entries { get; init; } = new(StringComparer.Ordinal);

    public decimal Committed => Entries.Values.Sum(e => e.Amount);
}

/// <summary>One clip's money: reserved (its estimate) until settled at what it really cost.</summary>
public sealed record BudgetEntry(decimal Amount, bool Settled);
