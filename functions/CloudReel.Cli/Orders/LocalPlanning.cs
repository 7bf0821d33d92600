using System.Security.Cryptography;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Local.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Orders;

/// <summary>
/// Plans an order from disk the way the film workflow will, without staging or submitting anything:
/// the configured planner (its plan checked like any order), every shot cast to its models with
/// content keys from the local files, and which clips the store already holds.
/// </summary>
public static class LocalPlanning
{
    /// <exception cref="InvalidOrderException">The planned shots break the order's rules.</exception>
    public static async Task<LocalPlan> PlanAsync(IServiceProvider services, string orderDirectory, FilmOrder order, CancellationToken cancellationToken)
    {
        var capabilities = services.GetRequiredService<IVideoModelCatalog>().CapabilitiesByName();
        var folder = new OrderFolder(orderDirectory);
        var script = order.Script is null ? null : await folder.ReadTextAsync(order.Script, OrderLimits.FileBytes("script"), cancellationToken);
        var planned = await services.GetRequiredService<FilmPlanner>().PlanAsync(order, script, capabilities, new LocalOrderFiles(orderDirectory), cancellationToken);
        var plan = ShotCasting.Cast(planned.Planned, capabilities, await HashAsync(folder, planned.Planned, cancellationToken));

        var store = services.GetRequiredService<IClipStore>();
        var cached = new HashSet<string>(StringComparer.Ordinal);
        var shots = new List<PlannedShot>();
        foreach (var shot in plan.Shots)
        {
            if (shot.Chain.Count > 0 && await store.ExistsAsync(StoreLayout.Clip(shot.Chain[0].ContentKey), cancellationToken))
            {
                cached.Add(shot.Chain[0].ContentKey);
                shots.Add(shot with { Chain = [shot.Chain[0] with { EstimatedCost = 0 }, .. shot.Chain.Skip(1)] });
            }
            else
            {
                shots.Add(shot);
            }
        }

        return new LocalPlan(plan with { Shots = shots, Notes = [.. planned.Notes, .. plan.Notes] }, cached);
    }

    private static async Task<Dictionary<string, string>> HashAsync(OrderFolder folder, FilmOrder order, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in order.CastingFiles())
        {
            if (Uri.TryCreate(path, UriKind.Absolute, out var remote) && remote.Scheme == Uri.UriSchemeHttps)
            {
                // A picture fetched when the film starts: the dry run does not fetch it, so its key here stands in by URL.
                hashes[path] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)));
                continue;
            }

            await using var file = folder.OpenRead(path, OrderLimits.AnyFileBytes);
            hashes[path] = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        return hashes;
    }
}

/// <summary>A plan made on this machine, and the content keys whose clips are already in the store.</summary>
public sealed record LocalPlan(PlannedFilm Plan, IReadOnlySet<string> Cached)
{
    public bool IsOverBudget => Plan.Order.Budget is { } budget && Plan.EstimatedCost > budget.Limit;
}
