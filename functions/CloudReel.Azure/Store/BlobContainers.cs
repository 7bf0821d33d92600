using CloudReel.Core.Ports;

namespace CloudReel.Azure.Store;

/// <summary>
/// How store names (<see cref="StoreLayout"/>) map to Blob containers: clips/&lt;key&gt;.* to the clips
/// container as &lt;key&gt;.*; the job ledger jobs/&lt;key&gt;.json and the film budgets
/// budgets/&lt;film-id&gt;.json beside them in the clips container under jobs/ and budgets/ (model slots,
/// which are no store names, live there under slots/); orders/&lt;film-id&gt;/… to the orders container and films/&lt;film-id&gt;/… to the films
/// container, each without its first segment. The Bicep creates exactly these three containers.
/// </summary>
public sealed record BlobContainers(string Clips = "clips", string Films = "films", string Orders = "orders")
{
    public const string JobsFolder = "jobs/";
    public const string BudgetsFolder = "budgets/";
    public const string SlotsFolder = "slots/";

    public static BlobContainers Default { get; } = new();

    public IEnumerable<string> All => [Clips, Films, Orders];

    /// <summary>The container and blob of a store name; throws for a name outside the layout or with unsafe segments.</summary>
    public (string Container, string Blob) Locate(string name)
    {
        if (!StoreLayout.IsSafeRelativePath(name)) throw new ArgumentException($"'{name}' is not a valid store name.", nameof(name));
        return name switch
        {
            _ when name.StartsWith(StoreLayout.ClipsPrefix, StringComparison.Ordinal) => (Clips, name[StoreLayout.ClipsPrefix.Length..]),
            _ when name.StartsWith(StoreLayout.JobsPrefix, StringComparison.Ordinal) => (Clips, JobsFolder + name[StoreLayout.JobsPrefix.Length..]),
            _ when name.StartsWith(StoreLayout.BudgetsPrefix, StringComparison.Ordinal) => (Clips, BudgetsFolder + name[StoreLayout.BudgetsPrefix.Length..]),
            _ when name.StartsWith(StoreLayout.OrdersPrefix, StringComparison.Ordinal) => (Orders, name[StoreLayout.OrdersPrefix.Length..]),
            _ when name.StartsWith(StoreLayout.FilmsPrefix, StringComparison.Ordinal) => (Films, name[StoreLayout.FilmsPrefix.Length..]),
            _ => throw new ArgumentException($"'{name}' is outside the store layout (clips/, jobs/, budgets/, orders/, films/).", nameof(name)),
        };
    }

    /// <summary>The store name of a blob, or null for a blob the layout does not know (e.g. stray files in the clips container's root).</summary>
    public string? NameOf(string container, string blob)
    {
        if (container == Clips)
        {
            if (blob.StartsWith(JobsFolder, StringComparison.Ordinal)) return StoreLayout.JobsPrefix + blob[JobsFolder.Length..];
            if (blob.StartsWith(BudgetsFolder, StringComparison.Ordinal)) return StoreLayout.BudgetsPrefix + blob[BudgetsFolder.Length..];
            return blob.StartsWith(SlotsFolder, StringComparison.Ordinal) ? null : StoreLayout.ClipsPrefix + blob;
        }

        if (container == Films) return StoreLayout.FilmsPrefix + blob;
        return container == Orders ? StoreLayout.OrdersPrefix + blob : null;
    }

    /// <summary>The (container, blob prefix) pairs a store-name prefix covers.</summary>
    public IEnumerable<(string Container, string BlobPrefix)> Cover(string prefix)
    {
        foreach (var (storePrefix, container, blobPrefix) in new[]
        {
            (StoreLayout.ClipsPrefix, Clips, ""),
            (StoreLayout.JobsPrefix, Clips, JobsFolder),
            (StoreLayout.BudgetsPrefix, Clips, BudgetsFolder),
            (StoreLayout.OrdersPrefix, Orders, ""),
            (StoreLayout.FilmsPrefix, Films, ""),
        })
        {
            if (prefix.StartsWith(storePrefix, StringComparison.Ordinal)) yield return (container, blobPrefix + prefix[storePrefix.Length..]);
            else if (storePrefix.StartsWith(prefix, StringComparison.Ordinal)) yield return (container, blobPrefix);
        }
    }
}
