using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Planning;

/// <summary>
/// Plans an order with the configured planner, then checks the plan exactly as a hand-written order
/// is checked (written as YAML and loaded again). A language-model plan that fails, or fails the
/// checks, gives way to the rule-based planner with a note saying why; a rule-based plan that fails
/// the checks is an invalid order.
/// </summary>
public sealed class FilmPlanner(IShotPlanner planner)
{
    public string PlannerName => planner.Name;

    /// <param name="order">The validated order; returned as it is when it already has shots.</param>
    /// <param name="scriptText">The screenplay's content, when the order names one.</param>
    /// <param name="models">Every model that can be ordered here.</param>
    /// <param name="files">The order's files, at the paths the order uses, for the checks.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    public async Task<PlanResult> PlanAsync(
        FilmOrder order, string? scriptText, IReadOnlyDictionary<string, ModelCapabilities> models, IOrderFiles files, CancellationToken cancellationToken = default)
    {
        if (!order.NeedsPlanning) return new PlanResult(order, []);
        var model = models[order.Model];
        var stated = new List<string>();
        order = BriefFacts.Complete(order, scriptText, stated);
        if (planner is RuleBasedShotPlanner) return WithNotes(stated, await CheckedAsync(RuleBasedPlanner.Plan(order, scriptText, model), models, files, cancellationToken));

        string why;
        try
        {
            var planned = await planner.PlanAsync(order, scriptText, model, cancellationToken);
            var errors = await CheckAsync(planned.Planned, models, files, cancellationToken);
            if (errors.Count == 0) return WithNotes(stated, planned);
            why = $"{errors.Count} problem(s), first: {errors[0].Field}: {errors[0].Message}";
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            why = error.Message;
        }

        var rules = await CheckedAsync(RuleBasedPlanner.Plan(order, scriptText, model), models, files, cancellationToken);
        return rules with { Notes = [$"the {planner.Name} planner's plan was not used ({why}); the rule-based planner planned the film", .. stated, .. rules.Notes] };
    }

    private static PlanResult WithNotes(List<string> notes, PlanResult result) =>
        notes.Count == 0 ? result : result with { Notes = [.. notes, .. result.Notes] };

    /// <summary>Every problem a hand-written order with these shots would have.</summary>
    public static async Task<IReadOnlyList<OrderError>> CheckAsync(
        FilmOrder planned, IReadOnlyDictionary<string, ModelCapabilities> models, IOrderFiles files, CancellationToken cancellationToken = default)
    {
        var text = OrderYamlWriter.Write(planned);
        var loaded = await new OrderLoader(files, models).LoadAsync(text, "planned-order.yaml", cancellationToken);
        return loaded.Errors;
    }

    private static async Task<PlanResult> CheckedAsync(
        PlanResult planned, IReadOnlyDictionary<string, ModelCapabilities> models, IOrderFiles files, CancellationToken cancellationToken)
    {
        var errors = await CheckAsync(planned.Planned, models, files, cancellationToken);
        return errors.Count == 0 ? planned : throw new InvalidOrderException(errors);
    }
}
