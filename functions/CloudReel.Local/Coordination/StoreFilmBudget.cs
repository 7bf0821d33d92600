using System.Collections.Concurrent;
using CloudReel.Core.Jobs;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Local.Coordination;

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
