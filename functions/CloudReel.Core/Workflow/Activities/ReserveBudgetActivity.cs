using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Reserves a clip's estimated cost against its film's budget before the job is sent.</summary>
public sealed class ReserveBudgetActivity(IFilmBudget budget) : Activity<BudgetReservation, BudgetDecision>
{
    public override Task<BudgetDecision> RunAsync(ActivityContext context, BudgetReservation input) =>
        budget.TryReserveAsync(input.FilmId, input.ContentKey, input.Amount, input.Limit, context.CancellationToken);
}
