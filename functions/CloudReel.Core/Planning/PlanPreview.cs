using System.Security.Cryptography;
using System.Text;
using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Planning;

/// <summary>
/// Plans an order the one way films are planned, for `cloudreel plan`, `render --dry-run` and the
/// film workflow alike: shots from a brief or script when it has none (checked like any order), every
/// shot cast to its models with content keys from the order's files, and shots whose clip the store
/// already holds at no cost; a shot that continues its sequence keyed by the clip before it when that
/// clip is made already.
/// </summary>
public sealed class PlanPreview(IVideoModelCatalog models, FilmPlanner planner, IClipStore store)
{
    /// <param name="order">The valid order, its paths relative to it.</param>
    /// <param name="files">Where those paths are read from.</param>
    /// <param name="nameOf">The name the plan gives each path (the store name in the workflow; the path itself for a preview).</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <param name="speech">The film's speech once it is spoken: 'seconds: auto' shots then last as long as it measures, not as long as estimated.</param>
    /// <exception cref="InvalidOrderException">The planned shots break the order's rules.</exception>
    public async Task<PlanPreviewResult> PlanAsync(FilmOrder order, IOrderSource files, Func<string, string> nameOf, CancellationToken cancellationToken, SpokenFilm? speech = null)
    {
        var capabilities = models.CapabilitiesByName();
        order = ShotLengths.Resolve(order, capabilities, speech);
        IReadOnlyList<string> notes = [];
        if (order.NeedsPlanning)
        {
            var script = order.Script is null ? null : await ReadTextAsync(files, order.Script, cancellationToken);
            var planned = await planner.PlanAsync(order, script, capabilities, files, cancellationToken);
            (order, notes) = (planned.Planned, planned.Notes);
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in order.CastingFiles()) hashes[nameOf(path)] = await HashAsync(files, path, cancellationToken);
        var plan = ShotCasting.Cast(order.MapPaths(nameOf), capabilities, hashes);

        var cached = new HashSet<string>(StringComparer.Ordinal);
        var shots = new List<PlannedShot>();
        ClipRecord? previous = null;
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            var shot = plan.Shots[i];
            if (plan.Order.ContinuesSequence(i) && previous is { } before)
            {
                // Keyed by the clip before it when that clip is made already; else the workflow keys it once it is.
                var frame = new ReferenceImage(StoreLayout.ClipLastFrame(before.ContentKey), "");
                shot = shot with { Chain = shot.Chain.Select(a => a.ContinuingFrom(before.Sha256, frame)).ToList() };
            }

            previous = shot.Chain.Count > 0 && !IsPending(shot.Chain[0]) ? await CachedAsync(shot.Chain[0].ContentKey, cancellationToken) : null;
            if (previous is not null)
            {
                cached.Add(shot.Chain[0].ContentKey);
                shot = shot with { Chain = [shot.Chain[0] with { EstimatedCost = 0 }, .. shot.Chain.Skip(1)] };
            }

            shots.Add(shot);
        }

        return new PlanPreviewResult(plan with { Shots = shots, Notes = [.. notes, .. plan.Notes] }, cached);
    }

    /// <summary>A shot that continues a sequence whose previous clip is not made yet: its key is not known.</summary>
    private static bool IsPending(ModelAttempt attempt) => attempt.Request.ContinuesFrom is "";

    private async Task<ClipRecord?> CachedAsync(string contentKey, CancellationToken cancellationToken) =>
        await store.ExistsAsync(StoreLayout.Clip(contentKey), cancellationToken) && await store.ExistsAsync(StoreLayout.ClipRecord(contentKey), cancellationToken)
            ? WorkflowJson.Deserialize<ClipRecord>(await store.ReadTextAsync(StoreLayout.ClipRecord(contentKey), cancellationToken))
            : null;

    private static async Task<string> ReadTextAsync(IOrderSource files, string path, CancellationToken cancellationToken)
    {
        await using var content = await files.OpenReadAsync(path, cancellationToken) ?? throw new FileNotFoundException($"{path} is not among the order's files.", path);
        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>SHA-256 of a picture or workflow graph (part of the content keys); a URL not fetched yet stands in by its text.</summary>
    private static async Task<string> HashAsync(IOrderSource files, string path, CancellationToken cancellationToken)
    {
        await using var content = await files.OpenReadAsync(path, cancellationToken);
        if (content is not null) return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        return RemoteImages.IsUrl(path)
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))
            : throw new FileNotFoundException($"{path} is not among the order's files.", path);
    }
}

/// <summary>A plan, and the content keys whose clips are already in the store.</summary>
public sealed record PlanPreviewResult(PlannedFilm Plan, IReadOnlySet<string> Cached)
{
    public bool IsOverBudget => Plan.Order.Budget is { } budget && Plan.EstimatedCost > budget.Limit;
}
