using CloudReel.Api.Http;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Submission;

/// <summary>
/// POST /api/films?dryRun=true: a valid order planned the one way films are planned (<see cref="PlanPreview"/>,
/// as `cloudreel render --dry-run` does) and priced shot by shot, clips the store holds at no cost;
/// nothing is staged, started or paid for.
/// </summary>
public static class FilmEstimates
{
    public static async Task<IResult> EstimateAsync(HttpRequest request, PlanPreview preview, FilmOrder order, IOrderSource files, CancellationToken cancellationToken)
    {
        PlanPreviewResult result;
        try
        {
            result = await preview.PlanAsync(order, files, path => path, cancellationToken);
        }
        catch (InvalidOrderException invalid)
        {
            return ApiProblems.InvalidOrder(request, invalid.Errors);
        }

        var plan = result.Plan;
        var shots = plan.Shots.Select(s =>
        {
            if (s.Own is not null) return new ShotEstimate(s.Shot.Id, s.Shot.Prompt, s.Shot.Seconds, OwnClip.Maker, [], 0, Cached: false, OwnClip: true);
            var first = s.Chain.Count > 0 ? s.Chain[0] : null;
            return new ShotEstimate(
                s.Shot.Id, s.Shot.Prompt, s.Shot.Seconds, first?.Model, s.Chain.Skip(1).Select(a => a.Model).ToList(),
                first?.EstimatedCost ?? 0, first is not null && result.Cached.Contains(first.ContentKey));
        }).ToList();
        var estimate = new FilmEstimate(
            plan.Order.Title, shots, plan.EstimatedCost, plan.Order.Budget?.Currency ?? "USD", plan.Order.Budget?.Limit, result.IsOverBudget, plan.Notes);
        return Results.Json(estimate, WorkflowJson.Options);
    }
}

/// <summary>What a film would cost: each shot, the total, and the budget it is held to.</summary>
public sealed record FilmEstimate(
    string Title, IReadOnlyList<ShotEstimate> Shots, decimal EstimatedCost, string Currency, decimal? Budget, bool OverBudget, IReadOnlyList<string> Notes);

/// <summary>One planned shot: its model (and fallbacks), seconds and estimated cost; nothing when the store holds its clip, or when it is the order's own clip.</summary>
public sealed record ShotEstimate(
    string Id, string Prompt, double Seconds, string? Model, IReadOnlyList<string> Fallbacks, decimal EstimatedCost, bool Cached, bool OwnClip = false);
