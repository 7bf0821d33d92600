using System.Security.Cryptography;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Plans a validated order: shots from a brief or script when it has none (checked like any order),
/// then each shot cast to its models with content keys and costs. Shots whose clip is already in the
/// store cost nothing. A shot that continues its sequence is keyed by the clip before it when that clip
/// is in the store already (else the workflow keys it once that clip is made).
/// </summary>
public sealed class PlanFilmActivity(IClipStore store, IVideoModelCatalog models, FilmPlanner planner, IHostApplicationLifetime host) : TaskActivity<PlanRequest, PlannedFilm>
{
    public override async Task<PlannedFilm> RunAsync(TaskActivityContext context, PlanRequest request)
    {
        var cancellation = host.ApplicationStopping;
        var order = request.Order;
        var capabilities = models.CapabilitiesByName();
        var notes = new List<string>();
        if (order.NeedsPlanning)
        {
            var script = order.Script is null ? null : await store.ReadTextAsync(order.Script, cancellation);
            var folder = StoreLayout.OrderFolder(request.FilmId);
            var relative = order.MapPaths(path => path.StartsWith(folder, StringComparison.Ordinal) ? path[folder.Length..] : path);
            var planned = await planner.PlanAsync(relative, script, capabilities, new StoreOrderFiles(store, request.FilmId), cancellation);
            order = planned.Planned.MapPaths(path => StoreLayout.OrderFile(request.FilmId, path));
            notes.AddRange(planned.Notes);
        }

        var plan = ShotCasting.Cast(order, capabilities, await HashFilesAsync(order, cancellation));
        var shots = new List<PlannedShot>();
        ClipRecord? previous = null;
        for (var i = 0; i < plan.Shots.Count; i++)
        {
            var shot = plan.Shots[i];
            if (order.ContinuesSequence(i) && previous is not null)
            {
                var frame = new ReferenceImage(StoreLayout.ClipLastFrame(previous.ContentKey), "");
                shot = shot with { Chain = shot.Chain.Select(a => a.ContinuingFrom(previous.Sha256, frame)).ToList() };
            }

            previous = shot.Chain.Count > 0 && !IsPending(shot.Chain[0]) ? await CachedAsync(shot.Chain[0].ContentKey, cancellation) : null;
            shots.Add(previous is not null ? shot with { Chain = [shot.Chain[0] with { EstimatedCost = 0 }, .. shot.Chain.Skip(1)] } : shot);
        }

        return plan with { Shots = shots, Notes = [.. notes, .. plan.Notes] };
    }

    private static bool IsPending(ModelAttempt attempt) => attempt.Request.ContinuesFrom is "";

    private async Task<ClipRecord?> CachedAsync(string contentKey, CancellationToken cancellation) =>
        await store.ExistsAsync(StoreLayout.Clip(contentKey), cancellation) && await store.ExistsAsync(StoreLayout.ClipRecord(contentKey), cancellation)
            ? WorkflowJson.Deserialize<ClipRecord>(await store.ReadTextAsync(StoreLayout.ClipRecord(contentKey), cancellation))
            : null;

    /// <summary>SHA-256 of every picture (the shots' and the cast's) and workflow graph: they are part of the content keys.</summary>
    private async Task<Dictionary<string, string>> HashFilesAsync(FilmOrder order, CancellationToken cancellation)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in order.CastingFiles())
        {
            await using var content = await store.OpenReadAsync(file, cancellation);
            hashes[file] = Convert.ToHexString(await SHA256.HashDataAsync(content, cancellation)).ToLowerInvariant();
        }

        return hashes;
    }
}
