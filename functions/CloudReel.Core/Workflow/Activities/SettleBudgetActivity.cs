using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>Settles a clip's reservation at its real cost once its attempt is over.</summary>
public sealed class SettleBudgetActivity(IFilmBudget budget) : Activity<BudgetSettlement, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, BudgetSettlement input)
    {
        await budget.SettleAsync(input.FilmId, input.ContentKey, input.Actual, context.CancellationToken);
        return true;
    }
}
