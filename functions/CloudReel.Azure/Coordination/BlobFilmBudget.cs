using Azure.Storage.Blobs;
using CloudReel.Azure.Store;
using CloudReel.Core.Jobs;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Coordination;

/// <summary>
/// <see cref="IFilmBudget"/> for every instance of the Functions app at once: the film's account is
/// the same budgets/&lt;film-id&gt;.json as locally (in the clips container), changed under ETag
/// conditions, so shots of one film running on different machines can never together cross it.
/// The rules are <see cref="BudgetAccount"/>'s, exactly as the local engine's StoreFilmBudget applies them.
/// </summary>
public sealed class BlobFilmBudget(BlobServiceClient blobs, BlobContainers? containers = null) : IFilmBudget
{
    private readonly BlobContainers _containers = containers ?? BlobContainers.Default;

    public Task<BudgetDecision> TryReserveAsync(string filmId, string contentKey, decimal amount, decimal limit, CancellationToken cancellationToken = default) =>
        Document(filmId).UpdateAsync(account =>
        {
            var (changed, decision) = account.Reserve(contentKey, amount, limit);
            return (changed ? account : null, decision);
        }, cancellationToken);

    public Task SettleAsync(string filmId, string contentKey, decimal actual, CancellationToken cancellationToken = default) =>
        Document(filmId).UpdateAsync(account =>
        {
            account.Settle(contentKey, actual);
            return (account, true);
        }, cancellationToken);

    /// <summary>What a film has reserved and spent so far, by clip.</summary>
    public async Task<BudgetAccount> ReadAsync(string filmId, CancellationToken cancellationToken = default) =>
        (await Document(filmId).ReadAsync(cancellationToken)).Value;

    private BlobJsonDocument<BudgetAccount> Document(string filmId)
    {
        var (container, blob) = _containers.Locate(StoreLayout.BudgetRecord(filmId));
        return new BlobJsonDocument<BudgetAccount>(blobs.GetBlobContainerClient(container).GetBlobClient(blob));
    }
}
