using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Planning;

/// <summary>
/// The planner port: turns an order's brief or screenplay into shots. The rule-based planner is the
/// default; a language-model planner may stand in. Either way the plan is checked like any order
/// (<see cref="FilmPlanner"/>).
/// </summary>
public interface IShotPlanner
{
    /// <summary>How notes and reports name the planner, e.g. "rule-based" or "azure-openai (gpt-4o-mini)".</summary>
    string Name { get; }

    /// <param name="order">An order with a brief or a script.</param>
    /// <param name="scriptText">The content of the screenplay the order names, if any.</param>
    /// <param name="model">The order's model, whose limits the shots must fit.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    Task<PlanResult> PlanAsync(FilmOrder order, string? scriptText, ModelCapabilities model, CancellationToken cancellationToken = default);
}

/// <summary>The offline default: <see cref="RuleBasedPlanner"/> behind the planner port.</summary>
public sealed class RuleBasedShotPlanner : IShotPlanner
{
    public string Name => "rule-based";

    public Task<PlanResult> PlanAsync(FilmOrder order, string? scriptText, ModelCapabilities model, CancellationToken cancellationToken = default) =>
        Task.FromResult(RuleBasedPlanner.Plan(order, scriptText, model));
}
