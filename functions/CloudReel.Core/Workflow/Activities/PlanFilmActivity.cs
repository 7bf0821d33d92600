using System.Security.Cryptography;
using CloudReel.Core.Models;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Plans a validated order: shots from a brief or script when it has none, then each shot cast to
/// its models with content keys and costs. Shots whose clip is already in the store cost nothing.
/// </summary>
public sealed class PlanFilmActivity(IClipStore store, IVideoModelCatalog models) : Activity<PlanRequest, PlannedFilm>
{
    public override async Task<PlannedFilm> RunAsync(ActivityContext context, PlanRequest request)
    {
        var cancellation = context.CancellationToken;
        var order = request.Order;
        var capabilities = models.CapabilitiesByName();
        var notes = new List<string>();
        if (order.NeedsPlanning)
        {
            var script = order.Script is null ? null : await store.ReadTextAsync(order.Script, cancellation);
            var planned = RuleBasedPlanner.Plan(order, script, capabilities[order.Model]);
            order = planned.Planned;
            notes.AddRange(planned.Notes);
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in order.Shots.Select(s => s.Image).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await using var content = await store.OpenReadAsync(image, cancellation);
            hashes[image] = Convert.ToHexString(await SHA256.HashDataAsync(content, cancellation)).ToLowerInvariant();
        }

        var plan = ShotCasting.Cast(order, capabilities, hashes);
        var shots = new List<PlannedShot>();
        foreach (var shot in plan.Shots)
        {
            shots.Add(shot.Chain.Count > 0 && await store.ExistsAsync(StoreLayout.Clip(shot.Chain[0].ContentKey), cancellation)
                ? shot with { Chain = [shot.Chain[0] with { EstimatedCost = 0 }, .. shot.Chain.Skip(1)] }
                : shot);
        }

        return plan with { Shots = shots, Notes = [.. notes, .. plan.Notes] };
    }
}
