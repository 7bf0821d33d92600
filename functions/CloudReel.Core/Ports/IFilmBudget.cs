namespace CloudReel.Core.Ports;

/// <summary>
/// A film's spending against its budget, shared by all its shots, so that shots running at the same
/// time can never together cross it. Reservations are keyed by clip content key and idempotent:
/// an activity that runs twice reserves once. Locally a store file under a process lock; in Azure
/// the same file as a blob under ETag conditions (CloudReel.Azure's BlobFilmBudget), both deciding
/// by <see cref="Jobs.BudgetAccount"/>'s rules.
/// </summary>
public interface IFilmBudget
{
    /// <summary>
    /// Reserves <paramref name="amount"/> for the clip unless the film's reserved and spent money
    /// would then exceed <paramref name="limit"/>. A clip already holding a reservation is granted again.
    /// </summary>
    Task<BudgetDecision> TryReserveAsync(string filmId, string contentKey, decimal amount, decimal limit, CancellationToken cancellationToken = default);

    /// <summary>Settles a clip's reservation at what its job really cost; 0 frees the money (a refused or failed job).</summary>
    Task SettleAsync(string filmId, string contentKey, decimal actual, CancellationToken cancellationToken = default);
}

/// <summary>Whether a reservation was granted, and the film's committed money (reserved plus spent) after it.</summary>
public sealed record BudgetDecision(bool Granted, decimal Committed, decimal Limit);
